package org.wenshi.ingest.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenshi.ingest.dedup.Fingerprint;
import org.wenshi.ingest.enrich.Byline;
import org.wenshi.ingest.enrich.Dating;
import org.wenshi.ingest.enrich.Division;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.KeyFigure;
import org.wenshi.ingest.enrich.Person;
import org.wenshi.ingest.enrich.Place;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.Page;
import org.wenshi.ingest.source.HttpValidators;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.Fields;

/**
 * Builds the JSON document the index mapping ({@code index.json}, dynamic strict) accepts, from a
 * source, its extraction and its enrichment. Every field name comes from {@link Fields}; a field
 * without a value is left out rather than sent empty. It never sends a field the mapping lacks.
 */
public final class DocumentBuilder {
    /** Fields that change on every run without the document changing; ignored when comparing. */
    public static final Set<String> VOLATILE = Set.of(Fields.INGESTED_AT, Fields.SOURCE_MODIFIED);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How a document relates to identical content or to other versions of it elsewhere in the index.
     *
     * @param group the reprint group it joins (the group of {@code duplicateOf}); null: its own content hash
     */
    public record Dedup(boolean canonical, String duplicateOf, String group) {
        public static Dedup original() {
            return new Dedup(true, null, null);
        }

        public static Dedup duplicateOf(String id) {
            return new Dedup(false, id, null);
        }

        /** A version of {@code id} (a reprint, not an identical copy), in that version's {@code group}. */
        public static Dedup reprintOf(String id, String group) {
            return new Dedup(false, id, group);
        }
    }

    /**
     * Facts about the file itself.
     *
     * @param http the ETag and Last-Modified its web server sent (crawled pages), or null
     */
    public record FileFacts(long size, Instant modified, HttpValidators http) {
        public FileFacts(long size, Instant modified) {
            this(size, modified, null);
        }
    }

    public ObjectNode build(
            Source source,
            Extraction extraction,
            Enrichment enrichment,
            FileFacts file,
            String contentHash,
            Dedup dedup,
            Instant ingestedAt) {
        ObjectNode d = JSON.createObjectNode();
        d.put(Fields.ID, source.documentId());
        d.put(Fields.URL, source.url());
        d.put(Fields.SOURCE_KIND, source.kind().fieldValue());
        source.format().ifPresent(f -> {
            d.put(Fields.FORMAT, f.fieldValue());
            d.put(Fields.MEDIA_TYPE, f.mediaType());
        });
        d.put(Fields.TITLE, extraction.title());
        d.put(Fields.TEXT, extraction.text());
        d.put(
                Fields.CHAR_COUNT,
                extraction.text().codePointCount(0, extraction.text().length()));
        putPages(d, extraction);
        putIfPresent(d, Fields.ORIGINAL, extraction.original());

        Dating dating = enrichment.dating();
        putIfPresent(d, Fields.DATE, dating.date());
        putIfPresent(d, Fields.DATE_PRECISION, dating.precision());
        putIfPresent(d, Fields.DATE_SOURCE, dating.source());
        if (dating.year() != null) {
            d.put(Fields.YEAR, dating.year());
        }
        if (!dating.yearsCovered().isEmpty()) {
            ArrayNode years = d.putArray(Fields.YEARS_COVERED);
            dating.yearsCovered().forEach(years::add);
        }

        Place place = enrichment.place();
        putIfPresent(d, Fields.LEVEL, place.level());
        putDivision(d, Fields.PROVINCE, Fields.PROVINCE_CODE, place.province());
        putDivision(d, Fields.CITY, Fields.CITY_CODE, place.city());
        putDivision(d, Fields.COUNTY, Fields.COUNTY_CODE, place.county());
        putArray(d, Fields.PLACES_MENTIONED, place.mentioned());

        putArray(d, Fields.THEMES, enrichment.themes());
        if (!enrichment.themeScores().isEmpty()) {
            ObjectNode scores = d.putObject(Fields.THEME_SCORES);
            enrichment.themeScores().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> scores.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        }
        putIfPresent(d, Fields.TYPE, enrichment.type());
        Byline byline = enrichment.byline();
        putIfPresent(d, Fields.SOURCE, byline.source());
        putIfPresent(d, Fields.PUBLISHER, byline.publisher());
        putIfPresent(d, Fields.SERIES, byline.series());
        putIfPresent(d, Fields.VOLUME, byline.volume());
        putArray(d, Fields.AUTHOR, byline.authors());
        putArray(d, Fields.EDITORS, byline.editors());
        putIfPresent(d, Fields.SCRIPT, enrichment.script());
        putPeople(d, enrichment.people());
        putArray(d, Fields.ORGANIZATIONS, enrichment.organizations());
        putKeyFigures(d, enrichment.keyFigures());
        Fingerprint fingerprint = enrichment.fingerprint();
        if (fingerprint.comparable()) {
            putArray(d, Fields.SHINGLE_BANDS, fingerprint.bands());
            ArrayNode minhash = d.putArray(Fields.MINHASH);
            for (int v : fingerprint.minhash()) {
                minhash.add(v);
            }
        }

        d.put(Fields.CONTENT_HASH, contentHash);
        d.put(Fields.DUPLICATE_GROUP, dedup.group() != null ? dedup.group() : contentHash);
        d.put(Fields.CANONICAL, dedup.canonical());
        putIfPresent(d, Fields.DUPLICATE_OF, dedup.duplicateOf());

        d.put(Fields.FILE_SIZE, file.size());
        if (file.modified() != null) {
            d.put(Fields.SOURCE_MODIFIED, file.modified().toString());
        }
        if (file.http() != null) {
            putIfPresent(d, Fields.HTTP_ETAG, file.http().etag());
            putIfPresent(d, Fields.HTTP_LAST_MODIFIED, file.http().lastModified());
        }
        d.put(Fields.INGESTED_AT, ingestedAt.toString());
        d.putArray(Fields.SUGGEST).add(extraction.title());
        return normalized(d);
    }

    /**
     * True when {@code stored} (a document's {@code _source}, without its text) holds what
     * {@code fresh} would write: same content hash and same derived fields, volatile ones aside.
     * This is how a changed extractor or enricher is noticed without a version field: its output differs.
     */
    public static boolean sameAsStored(ObjectNode fresh, ObjectNode stored) {
        ObjectNode a = fresh.deepCopy();
        ObjectNode b = stored.deepCopy();
        for (String f : VOLATILE) {
            a.remove(f);
            b.remove(f);
        }
        a.remove(Fields.TEXT);
        b.remove(Fields.TEXT);
        return a.equals(b);
    }

    private static void putPages(ObjectNode d, Extraction extraction) {
        if (extraction.pages().isEmpty()) {
            return;
        }
        d.put(Fields.PAGE_COUNT, extraction.pages().size());
        ArrayNode pages = d.putArray(Fields.PAGES);
        double confidence = 0;
        int ocrPages = 0;
        for (Page p : extraction.pages()) {
            ObjectNode page = pages.addObject();
            page.put(leaf(Fields.PAGE_N), p.n());
            putIfPresent(page, leaf(Fields.PAGE_LABEL), p.label());
            page.put(leaf(Fields.PAGE_TEXT), p.text());
            page.put(leaf(Fields.PAGE_START_OFFSET), p.startOffset());
            page.put(leaf(Fields.PAGE_END_OFFSET), p.endOffset());
            putIfPresent(page, leaf(Fields.PAGE_IMAGE), p.image());
            putIfPresent(page, leaf(Fields.PAGE_THUMBNAIL), p.thumbnail());
            putIfPresent(page, leaf(Fields.PAGE_HOCR), p.words());
            if (p.ocrConfidence() != null) {
                page.put(leaf(Fields.PAGE_OCR_CONFIDENCE), Math.round(p.ocrConfidence() * 10) / 10.0);
                confidence += p.ocrConfidence();
                ocrPages++;
            }
        }
        d.put(Fields.OCR, ocrPages > 0);
        if (ocrPages > 0) {
            d.put(Fields.OCR_CONFIDENCE, Math.round(confidence / ocrPages * 10) / 10.0);
        }
    }

    /** The name of a nested field inside its object: {@code pages.n} → {@code n}. */
    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    /** Round-trips through JSON text so numbers have the node types a parsed {@code _source} has. */
    private static ObjectNode normalized(ObjectNode d) {
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsString(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a document", e);
        }
    }

    private static void putIfPresent(ObjectNode d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.put(field, value);
        }
    }

    private static void putArray(ObjectNode d, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = d.putArray(field);
            values.forEach(a::add);
        }
    }

    private static void putPeople(ObjectNode d, List<Person> people) {
        if (!people.isEmpty()) {
            ArrayNode a = d.putArray(Fields.PEOPLE);
            for (Person p : people) {
                ObjectNode o = a.addObject();
                o.put(nameOf(Fields.PEOPLE_NAME), p.name());
                putIfPresent(o, nameOf(Fields.PEOPLE_ROLE), p.role());
                putIfPresent(o, nameOf(Fields.PEOPLE_ORG), p.org());
            }
        }
    }

    private static void putKeyFigures(ObjectNode d, List<KeyFigure> figures) {
        if (!figures.isEmpty()) {
            ArrayNode a = d.putArray(Fields.KEY_FIGURES);
            for (KeyFigure f : figures) {
                ObjectNode o = a.addObject();
                o.put(nameOf(Fields.KEY_FIGURE_METRIC), f.metric());
                o.put(nameOf(Fields.KEY_FIGURE_VALUE), f.value());
                putIfPresent(o, nameOf(Fields.KEY_FIGURE_UNIT), f.unit());
                o.put(nameOf(Fields.KEY_FIGURE_APPROXIMATE), f.approximate());
                if (f.year() != null) {
                    o.put(nameOf(Fields.KEY_FIGURE_YEAR), f.year());
                }
                putIfPresent(o, nameOf(Fields.KEY_FIGURE_PLACE), f.place());
                o.put(nameOf(Fields.KEY_FIGURE_SENTENCE), f.sentence());
            }
        }
    }

    /** The name of a sub-field inside its object ({@code people.name} → {@code name}). */
    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static void putDivision(ObjectNode d, String nameField, String codeField, Division division) {
        if (division != null) {
            d.put(nameField, division.name());
            putIfPresent(d, codeField, division.code());
        }
    }
}
