package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StoredDocument stored(String json) throws Exception {
        return StoredDocument.of("es-id", JSON.readTree(json));
    }

    @Test
    void readsTheWholeDocumentAndToleratesMissingOrOddFields() throws Exception {
        StoredDocument d = stored("""
                {"id":"d1","title":"南江县政协工作","text":"正文","date":"2024-05-14","year":"2024",
                 "province":"四川省","city":["巴中市"],"themes":"协商议政","author":["张三","李四"],
                 "people":[{"name":"某某","role":"主席"},{"role":"无名"}],
                 "years_covered":[2023,"2024","x"],
                 "key_figures":[{"metric":"提案立案","value":656,"unit":"件","year":2023,"sentence":"提案立案656件"}],
                 "pages":[{"n":1,"text":"第一页","start_offset":0}], "duplicate_group":"g"}""");
        DocumentView v = DocumentView.of(d, List.of("d2"), List.of(new DocumentView.Similar("d3", "相似")));
        assertThat(v.id()).isEqualTo("d1");
        assertThat(v.year()).isEqualTo(2024);
        assertThat(v.city()).isEqualTo("巴中市");
        assertThat(v.county()).isNull();
        assertThat(v.themes()).containsExactly("协商议政");
        assertThat(v.author()).isEqualTo("张三、李四");
        assertThat(v.people()).extracting(DocumentView.Person::name).containsExactly("某某");
        assertThat(v.yearsCovered()).containsExactly(2023, 2024);
        assertThat(v.keyFigures()).singleElement().satisfies(k -> {
            assertThat(k.metric()).isEqualTo("提案立案");
            assertThat(k.value()).isEqualTo(656.0);
        });
        assertThat(v.pages()).singleElement().satisfies(p -> assertThat(p.n()).isEqualTo(1));
        assertThat(v.duplicates()).containsExactly("d2");
        assertThat(v.citation()).containsKey("gbt7714");
    }

    @Test
    void emptySourceStillGivesAView() throws Exception {
        DocumentView v = DocumentView.of(stored("{}"), List.of(), List.of());
        assertThat(v.id()).isEqualTo("es-id");
        assertThat(v.themes()).isEmpty();
        assertThat(v.pages()).isEmpty();
        assertThat(v.citation().get("gbt7714")).contains("[无题名]");
    }

    @Test
    void citesWebPagesAsOnlineAndArchiveArticlesInTheirSeries() throws Exception {
        StoredDocument web = stored("{\"title\":\"市政协召开常委会议\",\"url\":\"https://www.example.cn/a.html\","
                + "\"date\":\"2024-05-14\",\"author\":\"王五\"}");
        assertThat(Citation.of(web).gbt7714(LocalDate.of(2026, 1, 2)))
                .isEqualTo("王五. 市政协召开常委会议[EB/OL]. (2024-05-14)[2026-01-02]. https://www.example.cn/a.html.");

        StoredDocument article = stored("{\"title\":\"回忆南阳解放\",\"url\":\"file:///data/v3.pdf\",\"series\":\"南阳文史资料\","
                + "\"volume\":\"第三辑\",\"publisher\":\"政协南阳市委员会文史资料委员会\",\"year\":1987,\"author\":[\"赵六\"]}");
        assertThat(Citation.of(article).gbt7714(LocalDate.of(2026, 1, 2)))
                .isEqualTo("赵六. 回忆南阳解放[M]//南阳文史资料: 第三辑. [出版地不详]: 政协南阳市委员会文史资料委员会, 1987.");
    }
}
