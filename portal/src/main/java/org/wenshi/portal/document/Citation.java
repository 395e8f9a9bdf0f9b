package org.wenshi.portal.document;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.wenshi.schema.Fields;

/**
 * What a reference to a document says, read once from the stored document, and the reference in
 * the style of GB/T 7714-2015 built from it (the exports are in {@link CitationExport}). Best effort
 * by design: a part the index lacks is never guessed; where the standard requires it anyway (the
 * place of publication, which the index does not keep), the standard's own placeholder
 * {@code [出版地不详]} stands in.
 *
 * <ul>
 *   <li>a web page: {@code 作者. 题名[EB/OL]. (发布日期)[引用日期]. URL.}</li>
 *   <li>an article of a 文史资料 volume (a document with a series):
 *       {@code 作者. 题名[M]//编者. 丛书名: 第N辑. 出版地: 出版者, 年: 起止页.}</li>
 *   <li>a volume itself (type 文史资料, no series): {@code 编者. 题名[M]. 出版地: 出版者, 年.}</li>
 *   <li>anything else: {@code 作者. 题名[Z]. 出版者, 年.}</li>
 * </ul>
 *
 * @param id        the document id (the key of BibTeX and CSL-JSON)
 * @param kind      what is cited
 * @param authors   authors, in order
 * @param editors   editors of the volume
 * @param title     the title, {@code null} when the index has none
 * @param series    the series (丛书名) of a volume
 * @param volume    the volume within the series, as written ({@code 第三辑}, {@code 3})
 * @param publisher the publisher, else the source
 * @param year      the year of publication
 * @param date      the date of publication as stored ({@code 2024-05-14}, {@code 2024-05}, {@code 2024})
 * @param url       the web address of a web page, else {@code null}
 * @param pages     the printed pages ({@code 12-19}), {@code null} when unknown
 */
public record Citation(
        String id,
        Kind kind,
        List<String> authors,
        List<String> editors,
        String title,
        String series,
        String volume,
        String publisher,
        Integer year,
        String date,
        String url,
        String pages) {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String UNTITLED = "[无题名]";
    static final String PLACE_UNKNOWN = "[出版地不详]";
    static final String PUBLISHER_UNKNOWN = "[出版者不详]";
    static final String VOLUME_TYPE = "文史资料";

    /** What is cited. */
    public enum Kind {
        WEB_PAGE,
        ARTICLE_IN_VOLUME,
        VOLUME,
        OTHER
    }

    public static Citation of(StoredDocument d) {
        String url = d.text(Fields.URL);
        String series = d.text(Fields.SERIES);
        Kind kind = isWeb(url)
                ? Kind.WEB_PAGE
                : series != null
                        ? Kind.ARTICLE_IN_VOLUME
                        : VOLUME_TYPE.equals(d.text(Fields.TYPE)) ? Kind.VOLUME : Kind.OTHER;
        String publisher = d.text(Fields.PUBLISHER);
        if (publisher == null && kind != Kind.WEB_PAGE) {
            publisher = d.text(Fields.SOURCE);
        }
        Integer year = d.integer(Fields.YEAR);
        String date = d.date(Fields.DATE);
        if (year == null && date != null && date.matches("\\d{4}.*")) {
            year = Integer.valueOf(date.substring(0, 4));
        }
        return new Citation(
                d.id(),
                kind,
                names(d.texts(Fields.AUTHOR)),
                names(d.texts(Fields.EDITORS)),
                d.text(Fields.TITLE),
                series,
                d.text(Fields.VOLUME),
                publisher,
                year,
                date,
                kind == Kind.WEB_PAGE ? url : null,
                pages(d));
    }

    /** {@code 张三、李四} and {@code ["张三", "李四"]} alike give two names. */
    private static List<String> names(List<String> values) {
        List<String> names = new ArrayList<>();
        for (String v : values) {
            for (String name : v.split("[、，;；]")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return List.copyOf(names);
    }

    /** The printed page labels of the first and last page, when the pages carry labels. */
    private static String pages(StoredDocument d) {
        List<StoredDocument> pages = d.objects(Fields.PAGES);
        if (pages.isEmpty()) {
            return null;
        }
        String first = pages.get(0).text(Fields.PAGE_LABEL);
        String last = pages.get(pages.size() - 1).text(Fields.PAGE_LABEL);
        if (first == null || last == null) {
            return null;
        }
        return first.equals(last) ? first : first + "-" + last;
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

    /** The title, or the placeholder for a document without one. */
    public String titleOrPlaceholder() {
        return title == null ? UNTITLED : title;
    }

    /** The volume as GB/T 7714 writes it: {@code 第3辑} for {@code 3}, as stored otherwise. */
    public String volumeLabel() {
        if (volume == null) {
            return null;
        }
        return volume.matches("\\d+") ? "第" + volume + "辑" : volume;
    }

    /**
     * The reference for a passage that begins on printed page {@code page} (a footnote of a quote):
     * the page in place of the document's page range, and after the year for a volume or another
     * printed document ({@code …, 1986: 15.}). A web page has no page; {@code page == null} gives
     * {@link #gbt7714()}.
     */
    public String gbt7714AtPage(String page) {
        if (page == null || kind == Kind.WEB_PAGE) {
            return gbt7714();
        }
        Citation at = new Citation(id, kind, authors, editors, title, series, volume, publisher, year, date, url, page);
        String reference = at.gbt7714();
        if (kind == Kind.VOLUME || kind == Kind.OTHER) {
            reference = reference.substring(0, reference.length() - 1) + ": " + page + ".";
        }
        return reference;
    }

    /** The reference, citing a web page as seen today (China's date). */
    public String gbt7714() {
        return gbt7714(LocalDate.now(CHINA));
    }

    public String gbt7714(LocalDate citedOn) {
        StringBuilder c = new StringBuilder();
        List<String> responsible = kind == Kind.VOLUME && authors.isEmpty() ? editors : authors;
        if (!responsible.isEmpty()) {
            c.append(responsibility(responsible)).append(". ");
        }
        c.append(titleOrPlaceholder());
        switch (kind) {
            case WEB_PAGE -> {
                c.append("[EB/OL]. ");
                if (date != null) {
                    c.append('(').append(date).append(')');
                }
                c.append('[').append(citedOn).append("]. ").append(url).append('.');
            }
            case ARTICLE_IN_VOLUME -> {
                c.append("[M]//");
                if (!editors.isEmpty()) {
                    c.append(responsibility(editors)).append(". ");
                }
                c.append(series);
                if (volume != null) {
                    c.append(": ").append(volumeLabel());
                }
                c.append(". ");
                publication(c);
                if (pages != null) {
                    c.append(": ").append(pages);
                }
                c.append('.');
            }
            case VOLUME -> {
                c.append("[M]. ");
                publication(c);
                c.append('.');
            }
            case OTHER -> {
                c.append("[Z].");
                if (publisher != null || year != null) {
                    c.append(' ');
                    if (publisher != null) {
                        c.append(publisher).append(year != null ? ", " : "");
                    }
                    if (year != null) {
                        c.append(year);
                    }
                    c.append('.');
                }
            }
        }
        return c.toString();
    }

    /** {@code 出版地: 出版者, 年}, with the standard's placeholders for what is unknown. */
    private void publication(StringBuilder c) {
        c.append(PLACE_UNKNOWN).append(": ").append(publisher == null ? PUBLISHER_UNKNOWN : publisher);
        if (year != null) {
            c.append(", ").append(year);
        }
    }

    /** Up to three names, then {@code 等} (GB/T 7714-2015, 8.1.2). */
    private static String responsibility(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + ", 等";
    }
}
