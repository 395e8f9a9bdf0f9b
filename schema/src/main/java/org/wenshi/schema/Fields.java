package org.wenshi.schema;

/**
 * Field names of the index, as written in {@code index.json}. Code refers to fields only through
 * these constants; {@code FieldsTest} fails when one of them is missing from the mapping, so a
 * renamed field cannot drift silently.
 */
public final class Fields {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String SOURCE_KIND = "source_kind";
    public static final String FORMAT = "format";
    public static final String MEDIA_TYPE = "media_type";

    public static final String TITLE = "title";
    public static final String TITLE_BIGRAMS = "title.bigrams";
    public static final String TITLE_EXACT = "title.exact";
    public static final String TEXT = "text";
    public static final String TEXT_BIGRAMS = "text.bigrams";

    public static final String PAGES = "pages";
    public static final String PAGE_N = "pages.n";
    public static final String PAGE_LABEL = "pages.label";
    public static final String PAGE_TEXT = "pages.text";
    public static final String PAGE_TEXT_BIGRAMS = "pages.text.bigrams";
    public static final String PAGE_START_OFFSET = "pages.start_offset";
    public static final String PAGE_END_OFFSET = "pages.end_offset";
    public static final String PAGE_IMAGE = "pages.image";
    public static final String PAGE_THUMBNAIL = "pages.thumbnail";
    public static final String PAGE_HOCR = "pages.hocr";
    public static final String PAGE_OCR_CONFIDENCE = "pages.ocr_confidence";
    public static final String PAGE_COUNT = "page_count";
    public static final String CHAR_COUNT = "char_count";

    public static final String DATE = "date";
    public static final String DATE_PRECISION = "date_precision";
    /** Where the date was read: metadata, date_line, series_line, title or lede. */
    public static final String DATE_SOURCE = "date_source";

    public static final String YEAR = "year";
    public static final String YEARS_COVERED = "years_covered";

    public static final String LEVEL = "level";
    public static final String PROVINCE = "province";
    public static final String PROVINCE_CODE = "province_code";
    public static final String CITY = "city";
    public static final String CITY_CODE = "city_code";
    public static final String COUNTY = "county";
    public static final String COUNTY_CODE = "county_code";
    public static final String PLACES_MENTIONED = "places_mentioned";

    public static final String THEMES = "themes";
    public static final String THEME_SCORES = "theme_scores";
    public static final String TYPE = "type";
    public static final String SOURCE = "source";
    public static final String SERIES = "series";
    public static final String VOLUME = "volume";
    public static final String PUBLISHER = "publisher";
    public static final String SCRIPT = "script";

    public static final String AUTHOR = "author";
    public static final String EDITORS = "editors";
    public static final String PEOPLE = "people";
    public static final String PEOPLE_NAME = "people.name";
    public static final String PEOPLE_ROLE = "people.role";
    public static final String PEOPLE_ORG = "people.org";
    public static final String ORGANIZATIONS = "organizations";
    public static final String KEY_FIGURES = "key_figures";
    public static final String KEY_FIGURE_METRIC = "key_figures.metric";
    public static final String KEY_FIGURE_VALUE = "key_figures.value";
    public static final String KEY_FIGURE_UNIT = "key_figures.unit";
    public static final String KEY_FIGURE_APPROXIMATE = "key_figures.approximate";
    public static final String KEY_FIGURE_YEAR = "key_figures.year";
    public static final String KEY_FIGURE_PLACE = "key_figures.place";
    public static final String KEY_FIGURE_SENTENCE = "key_figures.sentence";

    public static final String CONTENT_HASH = "content_hash";
    public static final String SHINGLE_BANDS = "shingle_bands";
    public static final String MINHASH = "minhash";
    public static final String DUPLICATE_GROUP = "duplicate_group";
    public static final String DUPLICATE_OF = "duplicate_of";
    public static final String CANONICAL = "canonical";
    /** On a canonical document: how many other versions of its text (reprints, copies) the index holds. */
    public static final String REPRINTS = "reprints";

    public static final String ORIGINAL = "original";
    public static final String FILE_SIZE = "file_size";
    public static final String OCR = "ocr";
    public static final String OCR_CONFIDENCE = "ocr_confidence";
    public static final String SOURCE_MODIFIED = "source_modified";
    /** The ETag a web server sent with a crawled page, sent back as If-None-Match on the next crawl. */
    public static final String HTTP_ETAG = "http_etag";
    /** The Last-Modified header as the server sent it, sent back as If-Modified-Since on the next crawl. */
    public static final String HTTP_LAST_MODIFIED = "http_last_modified";

    public static final String INGESTED_AT = "ingested_at";
    /** Fingerprint of the code and configuration that made the document; a change re-extracts it. */
    public static final String INGEST_VERSION = "ingest_version";

    public static final String SUGGEST = "suggest";

    private Fields() {}
}
