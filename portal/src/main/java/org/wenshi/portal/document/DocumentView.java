package org.wenshi.portal.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;
import org.wenshi.schema.Fields;

/**
 * The whole document as {@code GET /api/documents/{id}} answers it and {@code /doc/{id}} shows it:
 * the fields of a search hit (without snippets) and the contract's document fields. Fields the
 * index does not have for this document are left out (scalars) or empty (lists).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(
        String id,
        String title,
        String date,
        Integer year,
        String province,
        String city,
        String county,
        List<String> themes,
        String type,
        String source,
        String url,
        String text,
        String author,
        List<Person> people,
        @JsonProperty("years_covered") List<Integer> yearsCovered,
        @JsonProperty("key_figures") List<KeyFigure> keyFigures,
        List<Page> pages,
        @JsonProperty("original_url") String originalUrl,
        List<String> duplicates,
        List<Similar> similar,
        Map<String, String> citation) {

    /** The stored fields; {@code duplicates} and {@code similar} come from other queries. */
    static DocumentView of(StoredDocument d, List<String> duplicates, List<Similar> similar) {
        List<String> authors = d.texts(Fields.AUTHOR);
        String author = authors.isEmpty() ? null : String.join("、", authors);
        List<Person> people = d.objects(Fields.PEOPLE).stream()
                .map(p -> new Person(p.text(Fields.PEOPLE_NAME), p.text(Fields.PEOPLE_ROLE), p.text(Fields.PEOPLE_ORG)))
                .filter(p -> p.name() != null)
                .toList();
        List<KeyFigure> figures = d.objects(Fields.KEY_FIGURES).stream()
                .map(f -> new KeyFigure(
                        f.text(Fields.KEY_FIGURE_METRIC),
                        f.decimal(Fields.KEY_FIGURE_VALUE),
                        f.text(Fields.KEY_FIGURE_UNIT),
                        f.integer(Fields.KEY_FIGURE_YEAR),
                        f.text(Fields.KEY_FIGURE_SENTENCE)))
                .toList();
        String version = version(d);
        List<Page> pages = d.objects(Fields.PAGES).stream()
                .filter(p -> p.integer(Fields.PAGE_N) != null)
                .map(p -> {
                    int n = p.integer(Fields.PAGE_N);
                    return new Page(
                            n,
                            p.text(Fields.PAGE_LABEL),
                            p.text(Fields.PAGE_TEXT),
                            p.text(Fields.PAGE_IMAGE) == null ? null : pageFileUrl(d.id(), n, "image", version),
                            p.text(Fields.PAGE_THUMBNAIL) == null ? null : pageFileUrl(d.id(), n, "thumb", version));
                })
                .toList();
        return new DocumentView(
                d.id(),
                d.text(Fields.TITLE),
                d.date(Fields.DATE),
                d.integer(Fields.YEAR),
                d.text(Fields.PROVINCE),
                d.text(Fields.CITY),
                d.text(Fields.COUNTY),
                d.texts(Fields.THEMES),
                d.text(Fields.TYPE),
                d.text(Fields.SOURCE),
                d.text(Fields.URL),
                d.text(Fields.TEXT),
                author,
                people,
                d.integers(Fields.YEARS_COVERED),
                figures,
                pages,
                d.text(Fields.ORIGINAL) == null ? null : path(d.id()) + "/original?v=" + version,
                List.copyOf(duplicates),
                List.copyOf(similar),
                Map.of("gbt7714", Citation.of(d).gbt7714()));
    }

    /** The permalink of a document: {@code /doc/{id}}, the id percent-encoded as a path segment. */
    public static String path(String id) {
        return "/doc/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    /** {@code /doc/{id}/pages/{n}/image} (or {@code thumb}) with the document's file version. */
    static String pageFileUrl(String id, int n, String kind, String version) {
        return path(id) + "/pages/" + n + "/" + kind + "?v=" + version;
    }

    /**
     * A short token that changes when the document is ingested again ({@code content_hash},
     * {@code ingested_at}): file URLs carry it, so a cached image is never shown for a new one.
     */
    static String version(StoredDocument d) {
        String basis = d.text(Fields.CONTENT_HASH) + "|" + d.text(Fields.INGESTED_AT) + "|" + d.text(Fields.ORIGINAL);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A person named in the document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String role, String org) {}

    /** A count the document reports ({@code 提案立案656件}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyFigure(String metric, Double value, String unit, Integer year, String sentence) {}

    /**
     * A page of the original: its number in the file, its printed label, its text and the URLs of
     * its image and thumbnail ({@code null} when the document has no page images).
     */
    public record Page(
            Integer n,
            @JsonInclude(JsonInclude.Include.NON_NULL) String label,
            String text,
            @JsonProperty("image_url") String imageUrl,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("thumbnail_url")
            String thumbnailUrl) {}

    /** A document like this one. */
    public record Similar(String id, String title) {}
}
