package org.wenshi.portal.document;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

    static String gbt7714(StoredDocument stored) {
        return gbt7714(stored, LocalDate.now(CHINA));
    }

    static String gbt7714(StoredDocument stored, LocalDate citedOn) {
        StringBuilder c = new StringBuilder();
        List<String> authors = stored.texts(Fields.AUTHOR);
        if (!authors.isEmpty()) {
            c.append(String.join(", ", authors).replace("、", ", ")).append(". ");
        }
        String title = stored.text(Fields.TITLE);
        c.append(title == null ? "[无题名]" : title);
        String url = stored.text(Fields.URL);
        if (isWeb(url)) {
            c.append("[EB/OL]. ");
            String date = stored.date(Fields.DATE);
            if (date != null) {
                c.append('(').append(date).append(')');
            }
            c.append('[').append(citedOn).append("]. ").append(url).append('.');
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
        } else if (stored.text(Fields.SOURCE) != null) {
            c.append("//").append(stored.text(Fields.SOURCE));
        }
        c.append('.');
        Integer year = stored.integer(Fields.YEAR);
        if (publisher != null || year != null) {
            c.append(' ');
            if (publisher != null) {
                c.append(publisher);
                if (year != null) {
                    c.append(", ");
                }
            }
            if (year != null) {
                c.append(year);
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
