package org.wenshi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenshi.localnode.testing.TestNode;

/**
 * The project's analysis plugin inside a real node: {@code _analyze} on the analyzers the index
 * definition composes, and searches that must behave the same for traditional and simplified text,
 * full-width and half-width forms, and exact phrases.
 */
class ChineseAnalysisIT {
    private static ElasticsearchConnection connection;
    private static ElasticsearchClient client;
    private static IndexNames names;

    @BeforeAll
    static void createIndexWithDocuments() throws Exception {
        connection = ElasticsearchConnection.open(TestNode.url().toString());
        client = connection.client();
        names = new IndexNames("it-analysis-" + UUID.randomUUID().toString().substring(0, 8));
        IndexDefinition.load().ensureIndex(client, names);
        index("simplified", "政协郑州市委员会召开协商会议", "政协郑州市委员会围绕城市更新开展协商，委员们有事好商量。");
        index("traditional", "政協鄭州市委員會召開協商會議", "政協鄭州市委員會圍繞城市更新開展協商，委員們有事好商量。");
        index("fullwidth", "编号ＡＢＣ１２３的档案", "档案编号为ＡＢＣ１２３，存于文史资料馆。");
        index("halfwidth", "编号ABC123的档案", "档案编号为ABC123，存于文史资料馆。");
        index("scattered", "分散的字", "有人说事情好办，也有人说要商量，总之好好商议。");
        index("ocr", "扫描页", "本 书 由 政 协 文 史 资 料 委 员 会 编 印");
        client.indices().refresh(r -> r.index(names.alias()));
    }

    private static void index(String id, String title, String text) throws Exception {
        client.index(i -> i.index(names.alias()).id(id).document(Map.of("id", id, "title", title, "text", text)));
    }

    @AfterAll
    static void removeIndex() throws Exception {
        client.indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        connection.close();
    }

    private static List<String> analyze(String analyzer, String text) throws Exception {
        return client
                .indices()
                .analyze(a -> a.index(names.alias()).analyzer(analyzer).text(text))
                .tokens()
                .stream()
                .map(AnalyzeToken::token)
                .toList();
    }

    private static List<String> ids(co.elastic.clients.elasticsearch._types.query_dsl.Query query) throws Exception {
        return client.search(s -> s.index(names.alias()).query(query).size(20), Map.class).hits().hits().stream()
                .map(h -> h.id())
                .sorted()
                .toList();
    }

    private static co.elastic.clients.elasticsearch._types.query_dsl.Query words(String q) {
        return co.elastic.clients.elasticsearch._types.query_dsl.Query.of(
                b -> b.bool(bb -> bb.should(s -> s.match(m -> m.field("text")
                                .query(q)
                                .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)))
                        .should(s -> s.match(m -> m.field("text.bigrams")
                                .query(q)
                                .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)))));
    }

    private static co.elastic.clients.elasticsearch._types.query_dsl.Query phrase(String q) {
        return co.elastic.clients.elasticsearch._types.query_dsl.Query.of(
                b -> b.matchPhrase(m -> m.field("text.bigrams").query(q)));
    }

    @Test
    void foldsTraditionalToSimplifiedBeforeTokenizing() throws Exception {
        assertThat(analyze("wenshi_words", "政協鄭州市委員會")).isEqualTo(analyze("wenshi_words", "政协郑州市委员会"));
        assertThat(analyze("wenshi_bigrams", "政協鄭州市")).containsExactly("政协", "协郑", "郑州", "州市");
        assertThat(analyze("wenshi_words", "政协郑州市委员会")).contains("政协");
    }

    @Test
    void foldsFullWidthFormsAndNeverIndexesPunctuation() throws Exception {
        assertThat(analyze("wenshi_words", "ＡＢＣ１２３")).isEqualTo(analyze("wenshi_words", "ABC123"));
        assertThat(analyze("wenshi_bigrams", "ＡＢＣ１２３")).containsExactly("abc123");
        assertThat(analyze("wenshi_words", "，。！？：；“”（）")).isEmpty();
        assertThat(analyze("wenshi_bigrams", "，。！？：；“”（）")).isEmpty();
    }

    @Test
    void dropsStrayWhitespaceBetweenHanCharacters() throws Exception {
        assertThat(analyze("wenshi_bigrams", "政 协  文\n史")).containsExactly("政协", "协文", "文史");
        assertThat(ids(phrase("政协文史资料委员会"))).containsExactly("ocr");
    }

    @Test
    void appliesSynonymsAtQueryTime() throws Exception {
        assertThat(analyze("wenshi_words_search", "政协")).contains("政协").hasSizeGreaterThan(1);
    }

    @Test
    void simplifiedAndTraditionalQueriesFindTheSameDocuments() throws Exception {
        List<String> bySimplified = ids(words("郑州 委员会 协商"));
        List<String> byTraditional = ids(words("鄭州 委員會 協商"));
        assertThat(bySimplified).containsExactly("simplified", "traditional");
        assertThat(byTraditional).isEqualTo(bySimplified);
        assertThat(ids(phrase("政協鄭州市委員會")))
                .isEqualTo(ids(phrase("政协郑州市委员会")))
                .containsExactly("simplified", "traditional");
    }

    @Test
    void fullWidthQueryFindsHalfWidthText() throws Exception {
        assertThat(ids(words("ＡＢＣ１２３"))).containsExactly("fullwidth", "halfwidth");
        assertThat(ids(words("abc123"))).containsExactly("fullwidth", "halfwidth");
    }

    @Test
    void exactPhraseDoesNotMatchScatteredCharacters() throws Exception {
        assertThat(ids(phrase("有事好商量"))).containsExactly("simplified", "traditional");
        assertThat(ids(words("有事好商量"))).doesNotContain("halfwidth");
    }

    @Test
    void refreshesAndCountsTheFixture() throws Exception {
        client.indices().refresh(r -> r.index(names.alias()));
        assertThat(client.count(c -> c.index(names.alias())).count()).isEqualTo(6);
    }
}
