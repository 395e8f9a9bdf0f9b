package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CitationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 2);

    private static Citation citation(String json) throws Exception {
        return Citation.of(StoredDocument.of("d1", JSON.readTree(json)));
    }

    @Test
    void articleOfAVolumeIsCitedInsideItsSeriesWithEditorsAndPages() throws Exception {
        Citation c = citation("""
                {"title":"回忆南阳解放","author":"赵六、钱七","editors":["政协南阳市委员会文史资料委员会"],
                 "series":"南阳文史资料","volume":"3","publisher":"政协南阳市委员会文史资料委员会","year":1987,
                 "url":"file:///v3.pdf","pages":[{"n":1,"label":"21"},{"n":2,"label":"28"}]}""");
        assertThat(c.kind()).isEqualTo(Citation.Kind.ARTICLE_IN_VOLUME);
        assertThat(c.gbt7714(TODAY))
                .isEqualTo(
                        "赵六, 钱七. 回忆南阳解放[M]//政协南阳市委员会文史资料委员会. 南阳文史资料: 第3辑. " + "[出版地不详]: 政协南阳市委员会文史资料委员会, 1987: 21-28.");
    }

    @Test
    void moreThanThreeAuthorsEndWithDeng() throws Exception {
        assertThat(citation("{\"title\":\"座谈纪要\",\"author\":[\"甲\",\"乙\",\"丙\",\"丁\"]}")
                        .gbt7714(TODAY))
                .startsWith("甲, 乙, 丙, 等. 座谈纪要[Z].");
    }

    @Test
    void aVolumeWithoutSeriesIsAMonographByItsEditors() throws Exception {
        assertThat(citation(
                                "{\"title\":\"南阳文史资料第三辑\",\"type\":\"文史资料\",\"editors\":\"南阳市政协\",\"source\":\"南阳文史资料\",\"year\":1987}")
                        .gbt7714(TODAY))
                .isEqualTo("南阳市政协. 南阳文史资料第三辑[M]. [出版地不详]: 南阳文史资料, 1987.");
    }

    @Test
    void webPageHasPublicationAndCitationDatesAndTheUrl() throws Exception {
        assertThat(citation(
                                "{\"title\":\"市政协召开常委会议\",\"url\":\"https://www.example.cn/a.html\",\"date\":\"2024-05-14T08:00:00\"}")
                        .gbt7714(TODAY))
                .isEqualTo("市政协召开常委会议[EB/OL]. (2024-05-14)[2026-01-02]. https://www.example.cn/a.html.");
    }

    @Test
    void exportsCarryTheSameFacts() throws Exception {
        Citation c = citation("""
                {"title":"回忆{南阳}解放 50%","author":"赵六","series":"南阳文史资料","volume":"第三辑",
                 "publisher":"某出版社","year":1987,"pages":[{"n":1,"label":"21"}]}""");
        assertThat(CitationExport.ris(c, TODAY))
                .contains("TY  - CHAP\r\n", "AU  - 赵六\r\n", "T2  - 南阳文史资料\r\n", "VL  - 第三辑\r\n", "SP  - 21\r\n")
                .doesNotContain("EP  -");
        assertThat(CitationExport.bibtex(c, TODAY))
                .startsWith("@incollection{d1,")
                .contains("title = {回忆\\{南阳\\}解放 50\\%}", "author = {{赵六}}", "pages = {21}");
        JsonNode csl = JSON.readTree(CitationExport.cslJson(c, TODAY)).get(0);
        assertThat(csl.path("type").asText()).isEqualTo("chapter");
        assertThat(csl.path("container-title").asText()).isEqualTo("南阳文史资料");
        assertThat(csl.path("author").get(0).path("literal").asText()).isEqualTo("赵六");
        assertThat(csl.path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(1987);
        assertThat(csl.has("accessed")).isFalse();
    }
}
