package org.wenshi.portal.document;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import org.wenshi.schema.Fields;

/**
 * A reference in the style of GB/T 7714-2015, built from what the index knows about a document.
 * Best effort by design: a part the index lacks is left out rather than guessed. Web documents
 * are cited as {@code [EB/OL]} with the date of citation; anything else as {@code [Z]} (type not
 * specified), inside its series and volume when known.
 */
final class Citation {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Citation() {}

    static String gbt7714(DocumentView view, StoredDocument stored) {
        return gbt7714(view, stored, LocalDate.now(CHINA));
    }

    static String gbt7714(DocumentView view, StoredDocument stored, LocalDate citedOn) {
        StringBuilder c = new StringBuilder();
        if (view.author() != null) {
            c.append(view.author().replace("、", ", ")).append(". ");
        }
        c.append(view.title() == null ? "[无题名]" : view.title());
        if (isWeb(view.url())) {
            c.append("[EB/OL]. ");
            if (view.date() != null) {
                c.append('(').append(view.date()).append(')');
            }
            c.append('[').append(citedOn).append("]. ").append(view.url()).append('.');
            return c.toString();
        }
        c.append("[Z]");
        String series = stored.text(Fields.SERIES);
        String volume = stored.text(Fields.VOLUME);
        String publisher = stored.text(Fields.PUBLISHER);
        if (series != null) {
            c.append("//").append(series);
            if (volume != null) {
                c.append(": ").append(volume);
            }
        } else if (view.source() != null) {
            c.append("//").append(view.source());
        }
        c.append('.');
        if (publisher != null || view.year() != null) {
            c.append(' ');
            if (publisher != null) {
                c.append(publisher);
                if (view.year() != null) {
                    c.append(", ");
                }
            }
            if (view.year() != null) {
                c.append(view.year());
            }
            c.append('.');
        }
        return c.toString();
    }

    private static boolean isWeb(String url) {
        if (url == null) {
            return false;
        }
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
