package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.document.DocumentFixtures;
import org.wenshi.schema.Fields;

/**
 * The editors' API of contract.md against a real portal, PostgreSQL and Elasticsearch: the whole flow
 * (a compilation, chapters, a passage of a scan with its page, whole documents, reprints flagged,
 * reordering, history), bad input that changes nothing, two editors on one version, and a re-ingest
 * that changes a quoted span.
 */
class CompilationsApiIT extends PortalWithEditors {

    static final String PASSAGE = "会上讨论了征集文史资料的办法";

    @Test
    void theWholeFlowOfTheContract() {
        EditorHttp editor = account("lin", "editor");
        EditorHttp.Response created =
                editor.post("/api/compilations", Map.of("title", "示例县政协成立纪事", "preface", "本辑收录……"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.header("Location")).isEqualTo("/api/compilations/" + id);

        EditorHttp.Response chapter = editor.post("/api/compilations/" + id + "/chapters", Map.of("title", "筹备"));
        assertThat(chapter.status()).as(chapter.body()).isEqualTo(201);
        long ch1 = chapter.json().path("id").asLong();
        long ch2 = editor.newChapter(id, "旧址");

        int start = DocumentFixtures.SCAN_TEXT.indexOf(PASSAGE);
        int end = start + PASSAGE.length();
        EditorHttp.Response passage = editor.post(
                "/api/compilations/" + id + "/items",
                Map.of(
                        "chapter_id",
                        ch1,
                        "doc_id",
                        DocumentFixtures.SCAN,
                        "start",
                        start,
                        "end",
                        end,
                        "note",
                        "据原件校订"));
        assertThat(passage.status()).as(passage.body()).isEqualTo(201);
        JsonNode p = passage.json();
        assertThat(p.path("text").asText()).isEqualTo(PASSAGE);
        assertThat(p.path("start").asInt()).isEqualTo(start);
        assertThat(p.path("end").asInt()).isEqualTo(end);
        assertThat(p.path("page").asInt())
                .as("the passage is on the scan's second page")
                .isEqualTo(2);
        assertThat(p.path("page_label").asText()).isEqualTo("16");
        assertThat(p.path("citation").asText())
                .startsWith("林守仁. 回忆县政协筹备时期的几件事[M]//")
                .contains("示例县文史资料: 第2辑")
                .endsWith("1986: 16.");
        assertThat(p.path("source_changed").asBoolean()).isFalse();
        assertThat(p.path("note").asText()).isEqualTo("据原件校订");

        EditorHttp.Response whole = editor.post(
                "/api/compilations/" + id + "/items",
                Map.of("chapter_id", ch2, "doc_id", DocumentFixtures.MAIN_VERSION));
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        assertThat(whole.json().path("whole").asBoolean()).isTrue();
        assertThat(whole.json().path("text").asText()).isEqualTo(DocumentFixtures.MAIN_TEXT);
        assertThat(whole.json().path("reprints").get(0).path("id").asText()).isEqualTo(DocumentFixtures.REPRINT);
        assertThat(whole.json().path("duplicate").asBoolean()).isFalse();

        EditorHttp.Response reprint = editor.post(
                "/api/compilations/" + id + "/items", Map.of("chapter_id", ch2, "doc_id", DocumentFixtures.REPRINT));
        assertThat(reprint.json().path("duplicate").asBoolean())
                .as("a reprint of a text already gathered is flagged")
                .isTrue();

        JsonNode c = editor.get("/api/compilations/" + id).json();
        assertThat(c.path("version").asInt()).isEqualTo(6);
        assertThat(c.path("chapters")).hasSize(2);
        assertThat(c.path("chapters").get(1).path("items")).hasSize(2);
        assertThat(c.path("chapters")
                        .get(1)
                        .path("items")
                        .get(0)
                        .path("duplicate")
                        .asBoolean())
                .isTrue();

        // Reorder: chapters swapped, the reprint moved to the first chapter and dropped from the second.
        JsonNode items1 = c.path("chapters").get(0).path("items");
        JsonNode items2 = c.path("chapters").get(1).path("items");
        long passageId = items1.get(0).path("id").asLong();
        long wholeId = items2.get(0).path("id").asLong();
        long reprintId = items2.get(1).path("id").asLong();
        Map<String, Object> rewrite = Map.of(
                "version",
                6,
                "title",
                "示例县政协成立纪事（征求意见稿）",
                "preface",
                "本辑收录……",
                "chapters",
                List.of(
                        Map.of("id", ch2, "title", "旧址", "items", List.of(Map.of("id", wholeId))),
                        Map.of(
                                "id",
                                ch1,
                                "title",
                                "筹备",
                                "items",
                                List.of(Map.of("id", reprintId), Map.of("id", passageId, "note", "据原件校订，标点从原书")))));
        EditorHttp.Response saved = editor.put("/api/compilations/" + id, rewrite);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode after = saved.json();
        assertThat(after.path("version").asInt()).isEqualTo(7);
        assertThat(after.path("title").asText()).isEqualTo("示例县政协成立纪事（征求意见稿）");
        assertThat(after.path("chapters").get(0).path("id").asLong()).isEqualTo(ch2);
        assertThat(after.path("chapters").get(1).path("items").get(0).path("id").asLong())
                .isEqualTo(reprintId);
        assertThat(after.path("chapters")
                        .get(1)
                        .path("items")
                        .get(1)
                        .path("note")
                        .asText())
                .isEqualTo("据原件校订，标点从原书");
        assertThat(after.path("chapters")
                        .get(1)
                        .path("items")
                        .get(1)
                        .path("start")
                        .asInt())
                .as("offsets never move when items do")
                .isEqualTo(start);

        JsonNode listed = editor.get("/api/compilations").json().path("compilations");
        assertThat(listed.findValuesAsText("title")).contains("示例县政协成立纪事（征求意见稿）");

        JsonNode history =
                editor.get("/api/compilations/" + id + "/history").json().path("events");
        assertThat(history).hasSize(7);
        assertThat(history.findValuesAsText("username")).containsOnly("lin");
        assertThat(history.findValuesAsText("action"))
                .containsExactly("create", "add_chapter", "add_chapter", "add_item", "add_item", "add_item", "update");
        assertThat(history.get(6).path("detail").asText()).contains("标题改为", "调整章节顺序", "移动条目", "编者按");
    }

    @Test
    void badInputGetsAMessageAndChangesNothing() {
        EditorHttp editor = account("chen", "editor");
        long id = editor.newCompilation("坏输入");
        long ch = editor.newChapter(id, "一");
        int version =
                editor.get("/api/compilations/" + id).json().path("version").asInt();
        String items = "/api/compilations/" + id + "/items";
        int length = DocumentFixtures.SCAN_TEXT.length();

        record Bad(Object body, int status, String code) {}
        List<Bad> bad = List.of(
                new Bad(Map.of("chapter_id", ch, "doc_id", "no-such-document"), 404, "document_not_found"),
                new Bad(
                        Map.of("chapter_id", ch, "doc_id", DocumentFixtures.SCAN, "start", 5, "end", length + 1),
                        400,
                        "offsets_out_of_range"),
                new Bad(
                        Map.of("chapter_id", ch, "doc_id", DocumentFixtures.SCAN, "start", 9, "end", 3),
                        400,
                        "invalid_offsets"),
                new Bad(Map.of("chapter_id", ch, "doc_id", DocumentFixtures.SCAN, "start", 3), 400, "invalid_offsets"),
                new Bad(
                        Map.of("chapter_id", ch, "doc_id", DocumentFixtures.SCAN, "start", -1, "end", 3),
                        400,
                        "invalid_offsets"),
                new Bad(
                        Map.of("chapter_id", ch, "doc_id", DocumentFixtures.SCAN, "note", "注".repeat(1_000_000)),
                        400,
                        "note_too_long"),
                new Bad(Map.of("chapter_id", 987654321, "doc_id", DocumentFixtures.SCAN), 404, "chapter_not_found"),
                new Bad(Map.of("doc_id", DocumentFixtures.SCAN), 400, "missing_chapter_id"),
                new Bad(Map.of("chapter_id", "一", "doc_id", DocumentFixtures.SCAN), 400, "invalid_chapter_id"),
                new Bad(Map.of("chapter_id", ch, "doc_id", "../etc/passwd"), 400, "invalid_id"),
                new Bad("{not json", 400, null),
                new Bad("[]", 400, "invalid_body"));
        for (Bad b : bad) {
            EditorHttp.Response r = editor.post(items, b.body());
            assertThat(r.status())
                    .as(String.valueOf(b.body())
                                    .substring(
                                            0,
                                            Math.min(
                                                    80, String.valueOf(b.body()).length())) + " -> " + r.body())
                    .isEqualTo(b.status());
            assertThat(r.body()).doesNotContain("Exception", "at org.");
            if (b.code() != null) {
                assertThat(r.code()).isEqualTo(b.code());
            }
        }
        assertThat(editor.post("/api/compilations/" + id + "/chapters", Map.of("title", " "))
                        .status())
                .isEqualTo(400);
        assertThat(editor.post("/api/compilations", Map.of("title", "题".repeat(501)))
                        .status())
                .isEqualTo(400);
        assertThat(editor.get("/api/compilations/999999999").status()).isEqualTo(404);
        assertThat(editor.get("/api/compilations/abc").status()).isEqualTo(404);
        assertThat(editor.put(
                                "/api/compilations/" + id,
                                Map.of(
                                        "title",
                                        "x",
                                        "version",
                                        version,
                                        "chapters",
                                        List.of(Map.of("id", 987654321L, "title", "别人的章节"))))
                        .code())
                .isEqualTo("unknown_chapter");
        EditorHttp.Response plain = editor.send("POST", items, null, "application/json");
        assertThat(plain.status()).isIn(400, 415);

        JsonNode now = editor.get("/api/compilations/" + id).json();
        assertThat(now.path("version").asInt())
                .as("no bad request changed anything")
                .isEqualTo(version);
        assertThat(now.path("chapters").get(0).path("items")).isEmpty();
        assertThat(now.path("chapters")).hasSize(1);
    }

    @Test
    void twoEditorsOnOneVersionOneWinsAndTheOtherIsToldWhatChanged() {
        EditorHttp first = account("wang", "editor");
        EditorHttp second = account("zhao", "editor");
        long id = first.newCompilation("同时编辑");
        long ch = first.newChapter(id, "甲");
        JsonNode read = second.get("/api/compilations/" + id).json();
        int version = read.path("version").asInt();

        EditorHttp.Response one = first.put(
                "/api/compilations/" + id,
                Map.of("version", version, "title", "同时编辑（王改）", "chapters", List.of(Map.of("id", ch, "title", "甲"))));
        EditorHttp.Response two = second.put(
                "/api/compilations/" + id,
                Map.of("version", version, "title", "同时编辑（赵改）", "chapters", List.of(Map.of("id", ch, "title", "甲章"))));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(two.status()).as(two.body()).isEqualTo(409);
        assertThat(two.code()).isEqualTo("version_conflict");
        assertThat(two.json().path("current").path("title").asText()).isEqualTo("同时编辑（王改）");
        assertThat(two.json().path("changes").findValuesAsText("username")).containsExactly("wang");

        JsonNode now = first.get("/api/compilations/" + id).json();
        assertThat(now.path("title").asText()).as("the first edit is kept").isEqualTo("同时编辑（王改）");
        assertThat(now.path("chapters").get(0).path("title").asText()).isEqualTo("甲");
        assertThat(now.path("version").asInt()).isEqualTo(version + 1);

        assertThat(second.delete("/api/compilations/" + id + "?version=" + version)
                        .status())
                .isEqualTo(409);
        assertThat(first.get("/api/compilations/" + id).status()).isEqualTo(200);
    }

    @Test
    void aReingestThatChangesAQuotedSpanIsFlaggedWithBothTexts() throws Exception {
        String docId = "reingest-citang-01";
        String before = "第一段：祠堂始建于清光绪年间。\n第二段：民国时期改作学堂，乡人称东塾。";
        index.index(List.of(document(docId, before, "h1")));
        EditorHttp editor = account("sun", "editor");
        long id = editor.newCompilation("变更");
        long ch = editor.newChapter(id, "一");
        String quote = "民国时期改作学堂";
        int start = before.indexOf(quote);
        EditorHttp.Response item = editor.post(
                "/api/compilations/" + id + "/items",
                Map.of("chapter_id", ch, "doc_id", docId, "start", start, "end", start + quote.length()));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        assertThat(item.json().path("source_changed").asBoolean()).isFalse();

        // A later ingest corrects an OCR slip earlier in the text: everything after it shifts by one.
        String after = "第一段：祠堂始建于清代光绪年间。\n第二段：民国时期改作学堂，乡人称东塾。";
        index.index(List.of(document(docId, after, "h2")));
        JsonNode now = editor.get("/api/compilations/" + id)
                .json()
                .path("chapters")
                .get(0)
                .path("items")
                .get(0);
        assertThat(now.path("source_changed").asBoolean()).isTrue();
        assertThat(now.path("text").asText()).as("the quote as gathered").isEqualTo(quote);
        assertThat(now.path("current_text").asText())
                .as("what is at those offsets now")
                .isEqualTo(after.substring(start, start + quote.length()));
        assertThat(now.path("found_at").asInt()).as("where the quote is now").isEqualTo(after.indexOf(quote));
        assertThat(now.path("start").asInt())
                .as("the stored offsets are not silently moved")
                .isEqualTo(start);
    }

    static Map<String, Object> document(String id, String text, String hash) {
        Map<String, Object> doc = new HashMap<>();
        doc.put(Fields.ID, id);
        doc.put(Fields.TITLE, "祠堂沿革");
        doc.put(Fields.TEXT, text);
        doc.put(Fields.CONTENT_HASH, hash);
        doc.put(Fields.YEAR, 1990);
        doc.put(Fields.PUBLISHER, "示例出版社");
        return doc;
    }
}
