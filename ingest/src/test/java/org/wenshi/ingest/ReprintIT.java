package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.schema.Fields;

/**
 * Reprints found at ingest against the real test node: within one run, against what an earlier run
 * indexed, in traditional characters and with promotional lines injected, and a second run over the
 * same sources changing nothing. Each test uses its own index, removed afterwards.
 */
class ReprintIT {
    private static final String ARTICLE = String.join(
            "\n",
            "示例县政协常委会工作报告摘编",
            "2月20日，政协示例县第十一届委员会第五次会议开幕，县政协主席马示例作常委会工作报告。",
            "过去一年，县政协围绕全域旅游和乡村振兴两件大事履职尽责，组织委员深入村组调研特色农业，提出建议46条。",
            "全年立案提案153件，重点督办山区农村饮水安全等提案8件。",
            "开展有事好商量基层协商活动62场次，委员工作室覆盖全部乡镇。",
            "县政协还编印文史资料第十二辑，收录老一辈亲历的矿山开发史料。",
            "发布时间：2025-02-21");

    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-reprint");

    private String ingest(Path folder) {
        return CommandRun.ingest(tmp.resolve("home"), index.names().alias(), folder.toString())
                .lastLine();
    }

    private ObjectNode stored(Path file) throws Exception {
        return index.document(file);
    }

    private static Path write(Path folder, String name, String text) throws Exception {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void groupsReprintsWithinARunAndAcrossRunsAndKeepsTheFirstVersionCanonical() throws Exception {
        Path first = tmp.resolve("first");
        Path original = write(first, "a_original.txt", ARTICLE);
        String[] lines = ARTICLE.split("\n");
        Path injected = write(
                first,
                "b_promo_site.txt",
                String.join(
                        "\n",
                        "huaxin华信娱乐:" + lines[0],
                        lines[1] + "华信娱乐",
                        "华信娱乐(官方网站)",
                        lines[2],
                        lines[3] + "华信娱乐",
                        lines[4],
                        lines[5],
                        "发布时间：2025-03-02"));
        Path unrelated = write(
                first,
                "c_unrelated.txt",
                String.join(
                        "\n",
                        "示例市政协召开民生议事堂协商会",
                        "示例市政协近日在街道召开民生议事堂协商会，委员和居民代表围绕老旧小区加装电梯面对面协商。",
                        "居民代表反映，部分楼栋因低层住户意见不一，电梯迟迟难以落地。",
                        "区政协副主席表示，将把协商成果形成建议报送区委区政府。",
                        "发布时间：2024-09-20"));

        assertThat(ingest(first)).isEqualTo("ingested=2 unchanged=0 duplicates=1 skipped=0 failed=0");
        ObjectNode canonical = stored(original);
        ObjectNode promo = stored(injected);
        assertThat(canonical.get(Fields.CANONICAL).asBoolean()).isTrue();
        assertThat(promo.get(Fields.CANONICAL).asBoolean()).isFalse();
        assertThat(promo.get(Fields.DUPLICATE_OF).asText())
                .isEqualTo(canonical.get(Fields.ID).asText());
        assertThat(promo.get(Fields.DUPLICATE_GROUP).asText())
                .isEqualTo(canonical.get(Fields.DUPLICATE_GROUP).asText());
        assertThat(promo.get(Fields.TITLE).asText()).isEqualTo(lines[0]);
        assertThat(promo.get(Fields.TEXT).asText()).doesNotContain("华信娱乐");
        assertThat(stored(unrelated).get(Fields.DUPLICATE_GROUP).asText())
                .isNotEqualTo(canonical.get(Fields.DUPLICATE_GROUP).asText());
        assertThat(canonical.path(Fields.SHINGLE_BANDS)).isNotEmpty();
        assertThat(canonical.path(Fields.REPRINTS).asInt())
                .as("reprints of the canonical version")
                .isEqualTo(1);
        assertThat(stored(unrelated).path(Fields.REPRINTS).asInt()).isZero();

        Path second = tmp.resolve("second");
        Path traditional = write(second, "a_traditional.txt", ChineseScript.toTraditional(ARTICLE));
        Path shorter = write(
                second,
                "b_missing_paragraph.txt",
                ARTICLE.replace(lines[4] + "\n", "").replace("发布时间：2025-02-21", "来源：示例日报 发布时间：2025-02-22"));
        assertThat(ingest(second)).isEqualTo("ingested=0 unchanged=0 duplicates=2 skipped=0 failed=0");
        for (Path reprint : List.of(traditional, shorter)) {
            ObjectNode doc = stored(reprint);
            assertThat(doc.get(Fields.CANONICAL).asBoolean())
                    .as("%s canonical", reprint)
                    .isFalse();
            assertThat(doc.get(Fields.DUPLICATE_OF).asText())
                    .isEqualTo(canonical.get(Fields.ID).asText());
            assertThat(doc.get(Fields.DUPLICATE_GROUP).asText())
                    .isEqualTo(canonical.get(Fields.DUPLICATE_GROUP).asText());
        }

        index.client().indices().refresh(r -> r.index(index.names().alias()));
        SearchResponse<ObjectNode> group = index.client()
                .search(
                        s -> s.index(index.names().alias())
                                .size(10)
                                .query(q -> q.term(t -> t.field(Fields.DUPLICATE_GROUP)
                                        .value(canonical
                                                .get(Fields.DUPLICATE_GROUP)
                                                .asText()))),
                        ObjectNode.class);
        assertThat(group.hits().total().value()).as("versions in the group").isEqualTo(4);
        assertThat(stored(original).path(Fields.REPRINTS).asInt())
                .as("counted over both runs")
                .isEqualTo(3);

        // A count gone wrong (a run killed before its recount, a reprint removed by hand) is put right by
        // the next run, even one in which every source is unchanged.
        String unrelatedId = stored(unrelated).get(Fields.ID).asText();
        String originalId = canonical.get(Fields.ID).asText();
        index.client()
                .update(
                        u -> u.index(index.names().alias()).id(unrelatedId).doc(Map.of(Fields.REPRINTS, 5)),
                        ObjectNode.class);
        index.client()
                .update(
                        u -> u.index(index.names().alias()).id(originalId).doc(Map.of(Fields.REPRINTS, 0)),
                        ObjectNode.class);
        index.client().indices().refresh(r -> r.index(index.names().alias()));

        assertThat(ingest(first)).isEqualTo("ingested=0 unchanged=3 duplicates=0 skipped=0 failed=0");
        assertThat(ingest(second)).isEqualTo("ingested=0 unchanged=2 duplicates=0 skipped=0 failed=0");
        assertThat(stored(original).get(Fields.CANONICAL).asBoolean()).isTrue();
        assertThat(stored(original).path(Fields.REPRINTS).asInt()).isEqualTo(3);
        assertThat(stored(unrelated).path(Fields.REPRINTS).asInt()).isZero();
    }
}
