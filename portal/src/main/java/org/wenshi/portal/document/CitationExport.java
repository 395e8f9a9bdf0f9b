package org.wenshi.portal.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * A {@link Citation} in the three formats reference managers import: RIS, BibTeX and CSL-JSON. It
 * exists so that Zotero, EndNote, JabRef and Citavi users get the document's metadata without
 * retyping the GB/T 7714 string. Writes only what the citation knows; never invents a field.
 */
public enum CitationExport {
    RIS("ris", MediaType.parseMediaType("application/x-research-info-systems;charset=UTF-8")),
    BIBTEX("bib", MediaType.parseMediaType("application/x-bibtex;charset=UTF-8")),
    CSL_JSON("json", MediaType.parseMediaType("application/vnd.citationstyles.csl+json;charset=UTF-8"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String extension;
    private final MediaType mediaType;

    CitationExport(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension, also the last part of the download's path ({@code citation.ris}). */
    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The export whose extension is {@code extension}, or {@code null}. */
    public static CitationExport byExtension(String extension) {
        for (CitationExport e : values()) {
            if (e.extension.equals(extension)) {
                return e;
            }
        }
        return null;
    }

    /** The citation in this format; {@code accessed} is the date a web page is cited as seen. */
    public String write(Citation c, LocalDate accessed) {
        return switch (this) {
            case RIS -> ris(c, accessed);
            case BIBTEX -> bibtex(c, accessed);
            case CSL_JSON -> cslJson(c, accessed);
        };
    }

    static String ris(Citation c, LocalDate accessed) {
        StringBuilder r = new StringBuilder();
        String type =
                switch (c.kind()) {
                    case WEB_PAGE -> "ELEC";
                    case ARTICLE_IN_VOLUME -> "CHAP";
                    case VOLUME -> "BOOK";
                    case OTHER -> "GEN";
                };
        ris(r, "TY", type);
        c.authors().forEach(a -> ris(r, "AU", a));
        c.editors().forEach(e -> ris(r, "A2", e));
        ris(r, "TI", c.titleOrPlaceholder());
        ris(r, "T2", c.series());
        ris(r, "VL", c.volume());
        ris(r, "PB", c.publisher());
        ris(r, "PY", c.year() == null ? null : String.valueOf(c.year()));
        ris(r, "DA", c.date() == null ? null : c.date().replace('-', '/'));
        if (c.pages() != null) {
            String[] range = c.pages().split("-", 2);
            ris(r, "SP", range[0]);
            ris(r, "EP", range.length > 1 ? range[1] : null);
        }
        ris(r, "UR", c.url());
        if (c.kind() == Citation.Kind.WEB_PAGE) {
            ris(r, "Y2", accessed.toString().replace('-', '/'));
        }
        ris(r, "LA", "zh-CN");
        ris(r, "ID", c.id());
        r.append("ER  - \r\n");
        return r.toString();
    }

    private static void ris(StringBuilder r, String tag, String value) {
        if (value != null && !value.isBlank()) {
            r.append(tag)
                    .append("  - ")
                    .append(value.replaceAll("[\\r\\n]+", " "))
                    .append("\r\n");
        }
    }

    static String bibtex(Citation c, LocalDate accessed) {
        String type =
                switch (c.kind()) {
                    case WEB_PAGE -> "online";
                    case ARTICLE_IN_VOLUME -> "incollection";
                    case VOLUME -> "book";
                    case OTHER -> "misc";
                };
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", c.authors().isEmpty() ? null : String.join(" and ", braced(c.authors())));
        fields.put("editor", c.editors().isEmpty() ? null : String.join(" and ", braced(c.editors())));
        fields.put("title", c.titleOrPlaceholder());
        fields.put("booktitle", c.kind() == Citation.Kind.ARTICLE_IN_VOLUME ? c.series() : null);
        fields.put("series", c.kind() == Citation.Kind.VOLUME ? c.series() : null);
        fields.put("volume", c.volume());
        fields.put("publisher", c.publisher());
        fields.put("year", c.year() == null ? null : String.valueOf(c.year()));
        fields.put("date", c.date());
        fields.put("pages", c.pages() == null ? null : c.pages().replace("-", "--"));
        fields.put("url", c.url());
        fields.put("urldate", c.kind() == Citation.Kind.WEB_PAGE ? accessed.toString() : null);
        fields.put("langid", "chinese");
        StringBuilder b = new StringBuilder("@").append(type).append('{').append(key(c.id()));
        fields.forEach((name, value) -> {
            if (value != null) {
                // names come braced and escaped already; a URL is verbatim in biblatex
                boolean verbatim = name.equals("url") || name.equals("author") || name.equals("editor");
                String escaped = verbatim ? value : escape(value);
                b.append(",\n  ").append(name).append(" = {").append(escaped).append('}');
            }
        });
        return b.append("\n}\n").toString();
    }

    /** Corporate and Chinese names in braces, so BibTeX does not split them into given and family names. */
    private static List<String> braced(List<String> names) {
        return names.stream().map(n -> "{" + escape(n) + "}").toList();
    }

    private static String key(String id) {
        String key = id.replaceAll("[^A-Za-z0-9_:-]", "_");
        return key.isEmpty() ? "wenshi" : key;
    }

    /** TeX's special characters as text. */
    static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> s.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> s.append('\\').append(ch);
                case '~' -> s.append("\\textasciitilde{}");
                case '^' -> s.append("\\textasciicircum{}");
                case '\r', '\n' -> s.append(' ');
                default -> s.append(ch);
            }
        }
        return s.toString();
    }

    static String cslJson(Citation c, LocalDate accessed) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", c.id());
        item.put(
                "type",
                switch (c.kind()) {
                    case WEB_PAGE -> "webpage";
                    case ARTICLE_IN_VOLUME -> "chapter";
                    case VOLUME -> "book";
                    case OTHER -> "document";
                });
        item.put("title", c.titleOrPlaceholder());
        if (!c.authors().isEmpty()) {
            item.put("author", literals(c.authors()));
        }
        if (!c.editors().isEmpty()) {
            item.put("editor", literals(c.editors()));
        }
        if (c.kind() == Citation.Kind.ARTICLE_IN_VOLUME) {
            item.put("container-title", c.series());
        }
        putIfPresent(item, "volume", c.volume());
        putIfPresent(item, "publisher", c.publisher());
        putIfPresent(item, "page", c.pages());
        List<Integer> issued = dateParts(c.date(), c.year());
        if (!issued.isEmpty()) {
            item.put("issued", Map.of("date-parts", List.of(issued)));
        }
        putIfPresent(item, "URL", c.url());
        if (c.kind() == Citation.Kind.WEB_PAGE) {
            item.put(
                    "accessed",
                    Map.of(
                            "date-parts",
                            List.of(List.of(accessed.getYear(), accessed.getMonthValue(), accessed.getDayOfMonth()))));
        }
        item.put("language", "zh-CN");
        try {
            return JSON.writeValueAsString(List.of(item)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSL-JSON of " + c.id(), e);
        }
    }

    private static List<Map<String, String>> literals(List<String> names) {
        return names.stream().map(n -> Map.of("literal", n)).toList();
    }

    private static void putIfPresent(Map<String, Object> item, String name, String value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    /** {@code 2024-05-14} → [2024, 5, 14]; {@code 2024-05} → [2024, 5]; else the year alone. */
    private static List<Integer> dateParts(String date, Integer year) {
        List<Integer> parts = new ArrayList<>();
        if (date != null && date.matches("\\d{4}(-\\d{2}){0,2}")) {
            for (String p : date.split("-")) {
                parts.add(Integer.valueOf(p));
            }
        } else if (year != null) {
            parts.add(year);
        }
        return parts;
    }
}
