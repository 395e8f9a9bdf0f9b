package org.wenshi.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.enrich.ThemeTaxonomy;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.Fixtures;
import org.wenshi.ingest.extract.HtmlExtractor;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexDefinition;

class DocumentBuilderTest {
    private final DocumentEnricher enricher = new DocumentEnricher(Gazetteer.bundled(), ThemeTaxonomy.bundled());

    private ObjectNode build(DocumentBuilder.Dedup dedup, Instant at) throws Exception {
        Extraction e = new HtmlExtractor().extract(Fixtures.bytes("html_utf8_with_boilerplate.html"));
        Enrichment en = enricher.enrich(e);
        return new DocumentBuilder()
                .build(
                        Source.ofFile(Path.of("/data/zz.html")),
                        e,
                        en,
                        new DocumentBuilder.FileFacts(1962, Instant.parse("2024-05-14T00:00:00Z")),
                        ContentHash.of(e.text()),
                        dedup,
                        at);
    }

    @Test
    void sendsOnlyFieldsTheMappingHas() throws Exception {
        ObjectNode doc = build(DocumentBuilder.Dedup.original(), Instant.now());
        JsonNode properties = IndexDefinition.load().tree().path("mappings").path("properties");
        List<String> unknown = new ArrayList<>();
        doc.fieldNames().forEachRemaining(f -> {
            if (!properties.has(f)) {
                unknown.add(f);
            }
        });
        assertThat(unknown).isEmpty();
    }

    @Test
    void fillsTheContractFields() throws Exception {
        ObjectNode doc = build(DocumentBuilder.Dedup.original(), Instant.now());
        assertThat(doc.get(Fields.URL).asText()).isEqualTo("file:///data/zz.html");
        assertThat(doc.get(Fields.ID).asText()).isEqualTo(Source.idForUrl("file:///data/zz.html"));
        assertThat(doc.get(Fields.SOURCE_KIND).asText()).isEqualTo("file");
        assertThat(doc.get(Fields.FORMAT).asText()).isEqualTo("html");
        assertThat(doc.get(Fields.TITLE).asText()).isEqualTo("郑州市政协召开“推进老旧小区改造”专题协商会");
        assertThat(doc.get(Fields.DATE).asText()).isEqualTo("2024-05-14");
        assertThat(doc.get(Fields.YEAR).asInt()).isEqualTo(2024);
        assertThat(doc.get(Fields.PROVINCE).asText()).isEqualTo("河南省");
        assertThat(doc.get(Fields.CITY).asText()).isEqualTo("郑州市");
        assertThat(doc.get(Fields.CITY_CODE).asText()).isEqualTo("410100");
        assertThat(doc.get(Fields.LEVEL).asText()).isEqualTo("市级");
        assertThat(doc.get(Fields.THEMES).toString()).contains("城市建设与交通");
        assertThat(doc.get(Fields.TYPE).asText()).isEqualTo("新闻报道");
        assertThat(doc.get(Fields.SOURCE).asText()).isEqualTo("郑州政协网");
        assertThat(doc.get(Fields.AUTHOR).toString()).contains("韩立新");
        assertThat(doc.get(Fields.CHAR_COUNT).asInt())
                .isEqualTo(doc.get(Fields.TEXT).asText().length());
        assertThat(doc.get(Fields.CONTENT_HASH).asText()).hasSize(64);
        assertThat(doc.get(Fields.CANONICAL).asBoolean()).isTrue();
        assertThat(doc.get(Fields.SUGGEST).get(0).asText())
                .isEqualTo(doc.get(Fields.TITLE).asText());
    }

    @Test
    void comparesWithTheStoredDocumentIgnoringRunTimes() throws Exception {
        ObjectNode first = build(DocumentBuilder.Dedup.original(), Instant.parse("2025-01-01T00:00:00Z"));
        ObjectNode stored = first.deepCopy();
        stored.remove(Fields.TEXT);
        ObjectNode second = build(DocumentBuilder.Dedup.original(), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(DocumentBuilder.sameAsStored(second, stored)).isTrue();

        ObjectNode changed = build(DocumentBuilder.Dedup.duplicateOf("0123456789abcdef0123"), Instant.now());
        assertThat(DocumentBuilder.sameAsStored(changed, stored)).isFalse();
        ObjectNode otherCity = second.deepCopy().put(Fields.CITY, "南阳市");
        assertThat(DocumentBuilder.sameAsStored(otherCity, stored)).isFalse();
    }

    @Test
    void contentHashIgnoresBlanksAndWidthButNotScript() {
        assertThat(ContentHash.of("政协 委员\n履职ＡＢＣ")).isEqualTo(ContentHash.of("政协委员履职ABC"));
        assertThat(ContentHash.of("政协委员")).isNotEqualTo(ContentHash.of("政協委員"));
        assertThat(ContentHash.of("甲"))
                .isEqualTo(ContentHash.of(new String("甲".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }

    @Test
    void writesPeopleKeyFiguresAndTheReprintFingerprintAndGroup() throws Exception {
        String text = String.join(
                "\n",
                "南江县政协召开常委会议",
                "本报讯（记者 王小明）县政协主席李建国主持会议。",
                "会议通报，今年以来立案提案153件，报送社情民意信息88篇。",
                "会议还研究了下半年工作。",
                "发布时间：2024-05-14");
        Extraction e =
                new org.wenshi.ingest.extract.PlainTextExtractor().extract(text.getBytes(StandardCharsets.UTF_8));
        ObjectNode doc = new DocumentBuilder()
                .build(
                        Source.ofFile(Path.of("/data/a.txt")),
                        e,
                        enricher.enrich(e),
                        new DocumentBuilder.FileFacts(100, null),
                        "hash",
                        DocumentBuilder.Dedup.reprintOf("canonical-id", "group-of-canonical"),
                        Instant.now());
        assertThat(doc.path(Fields.PEOPLE).findValuesAsText("name")).containsExactly("王小明", "李建国");
        assertThat(doc.path(Fields.PEOPLE).get(1).path("role").asText()).isEqualTo("县政协主席");
        assertThat(doc.path(Fields.KEY_FIGURES).get(0).path("metric").asText()).isEqualTo("立案提案");
        assertThat(doc.path(Fields.KEY_FIGURES).get(0).path("value").asDouble()).isEqualTo(153.0);
        assertThat(doc.path(Fields.KEY_FIGURES).get(0).path("year").asInt()).isEqualTo(2024);
        assertThat(doc.path(Fields.MINHASH)).hasSize(128);
        assertThat(doc.path(Fields.SHINGLE_BANDS)).hasSize(32);
        assertThat(doc.path(Fields.DUPLICATE_GROUP).asText()).isEqualTo("group-of-canonical");
        assertThat(doc.path(Fields.DUPLICATE_OF).asText()).isEqualTo("canonical-id");
        assertThat(doc.path(Fields.CANONICAL).asBoolean()).isFalse();
    }
}
