package org.wenshi.portal.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
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
        List<Page> pages = d.objects(Fields.PAGES).stream()
                .map(p -> new Page(p.integer(Fields.PAGE_N), p.text(Fields.PAGE_TEXT), null))
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
                List.copyOf(duplicates),
                List.copyOf(similar),
                Map.of("gbt7714", Citation.gbt7714(d)));
    }

    /** A person named in the document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String role, String org) {}

    /** A count the document reports ({@code 提案立案656件}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyFigure(String metric, Double value, String unit, Integer year, String sentence) {}

    /** A page of the original; {@code image_url} once the portal serves page images. */
    public record Page(
            Integer n,
            String text,
            @JsonProperty("image_url") String imageUrl) {}

    /** A document like this one. */
    public record Similar(String id, String title) {}
}
