package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.wenshi.portal.search.SearchResult.FacetValue;
import org.wenshi.portal.search.SearchResult.Hit;
import org.wenshi.portal.search.SearchResult.PlaceNode;

/**
 * The streaming reader of Elasticsearch's answer, on answers written in the shape Elasticsearch 8
 * gives (the same shape the ITs read from a real node), including parts it must skip.
 */
class SearchResponseMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SearchResponseMapper mapper = new SearchResponseMapper();

    private SearchResult read(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json.replace('\'', '"'))) {
            return mapper.read(SearchCriteria.from(new LinkedMultiValueMap<>()), parser);
        }
    }

    private static final String ANSWER = """
            {'took': 7, 'timed_out': false, '_shards': {'total': 1, 'successful': 1, 'skipped': 0, 'failed': 0},
             'hits': {'total': {'value': 42, 'relation': 'eq'}, 'max_score': null,
              'hits': [
               {'_index': 'wenshi-docs-v3', '_id': 'es-1', '_score': 3.5,
                '_source': {'id': 'doc-1', 'title': '渠县文史资料第三辑', 'date': '1987-06-01T00:00:00', 'year': 1987,
                            'province': '四川省', 'city': '达州市', 'county': '渠县', 'themes': ['人物回忆', '地方史'],
                            'type': '文史资料', 'source': '渠县政协', 'url': 'file:///x/1.pdf', 'reprints': 2},
                'highlight': {'text': ['词的片段，不该用'],
                              'text.bigrams': ['第一段\\n\\n  <mark>文史</mark>资料', '  ', '第二段\\t有<mark>回忆</mark> ']},
                'inner_hits': {'pages': {'hits': {'total': {'value': 3}, 'hits': [
                   {'_id': 'p', 'fields': {'pages.n': [4]}}, {'fields': {'pages.n': [2]}}, {'fields': {'pages.n': [4]}}]}}},
                'sort': [3.5, 'doc-1'], 'matched_queries': ['a', {'nested': [1, 2, {'x': []}]}]},
               {'_id': 'es-2', '_source': {'title': '只有词字段'},
                'highlight': {'text.bigrams': [], 'text': ['<mark>县</mark>志']}},
               {'_id': 'es-3', '_source': {'title': '无高亮', 'themes': '单个主题', 'reprints': null}},
               'not an object'
              ]},
             'aggregations': {
              'unfiltered': {'doc_count': 320},
              'year': {'doc_count': 42, 'values': {'doc_count_error_upper_bound': 0, 'sum_other_doc_count': 0,
                'buckets': [{'key': 1987, 'doc_count': 30}, {'key': 1990, 'doc_count': 12}]}},
              'theme': {'doc_count': 42, 'values': {'buckets': [{'key': '人物回忆', 'doc_count': 9, 'extra': {'a': [1]}}]}},
              'place_tree': {'doc_count': 42, 'values': {'buckets': [
                {'key': '四川省', 'doc_count': 40, 'values': {'buckets': [
                  {'key': '达州市', 'doc_count': 38, 'values': {'buckets': [{'key': '渠县', 'doc_count': 30}]}}]}},
                {'key': '河南省', 'doc_count': 2, 'values': {'buckets': []}}]}},
              'something_else': {'buckets': [{'key': 'x', 'doc_count': 1}]}
             },
             'suggest': {'s': [{'text': 'x'}]}}
            """;

    @Test
    void readsHitsTotalsAndFacetsAndSkipsTheRest() throws IOException {
        SearchResult r = read(ANSWER);
        assertThat(r.total()).isEqualTo(42);
        assertThat(r.tookMs()).isEqualTo(7);
        assertThat(r.totalUnfiltered()).isEqualTo(320);
        assertThat(r.hits()).hasSize(3);

        Hit first = r.hits().get(0);
        assertThat(first.id()).isEqualTo("doc-1");
        assertThat(first.title()).isEqualTo("渠县文史资料第三辑");
        assertThat(first.date()).isEqualTo("1987-06-01");
        assertThat(first.year()).isEqualTo(1987);
        assertThat(first.province()).isEqualTo("四川省");
        assertThat(first.county()).isEqualTo("渠县");
        assertThat(first.themes()).containsExactly("人物回忆", "地方史");
        assertThat(first.reprints()).isEqualTo(2);
        assertThat(first.pages()).containsExactly(4, 2);
        assertThat(first.snippets())
                .as("bigram fragments win; whitespace runs become one space; blank fragments go")
                .containsExactly("第一段 <mark>文史</mark>资料", "第二段 有<mark>回忆</mark>");

        Hit second = r.hits().get(1);
        assertThat(second.id()).as("no id in _source: Elasticsearch's _id").isEqualTo("es-2");
        assertThat(second.snippets())
                .as("word fragments when the bigram field has none")
                .containsExactly("<mark>县</mark>志");

        Hit third = r.hits().get(2);
        assertThat(third.snippets()).isEmpty();
        assertThat(third.pages()).isEmpty();
        assertThat(third.themes()).containsExactly("单个主题");
        assertThat(third.reprints()).isZero();

        assertThat(r.facets())
                .containsOnlyKeys(
                        java.util.Arrays.stream(Facet.values()).map(Facet::key).toArray(String[]::new));
        assertThat(r.facets().get("year"))
                .as("numeric keys stay numbers")
                .containsExactly(new FacetValue(1987L, 30), new FacetValue(1990L, 12));
        assertThat(r.facets().get("theme")).containsExactly(new FacetValue("人物回忆", 9));
        assertThat(r.facets().get("city")).isEmpty();
        assertThat(r.places())
                .containsExactly(
                        new PlaceNode(
                                "四川省",
                                40,
                                List.of(new PlaceNode("达州市", 38, List.of(new PlaceNode("渠县", 30, List.of()))))),
                        new PlaceNode("河南省", 2, List.of()));
    }

    @Test
    void aMissingPartIsEmptyAndANumericTotalIsRead() throws IOException {
        SearchResult r = read("{'hits': {'total': 5, 'hits': []}}");
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.hits()).isEmpty();
        assertThat(r.places()).isEmpty();
        assertThat(r.totalUnfiltered()).isNull();
        assertThat(r.facets().values()).allSatisfy(values -> assertThat(values).isEmpty());

        SearchResult noTotal = read("{'hits': {'hits': [{'_id': 'a'}]}, 'aggregations': 'odd'}");
        assertThat(noTotal.total()).as("without hits.total: the hits read").isEqualTo(1);
        assertThat(noTotal.hits().get(0).id()).isEqualTo("a");
        assertThat(noTotal.hits().get(0).title()).isNull();
    }

    @Test
    void aPartOfAnUnexpectedTypeIsSkipped() throws IOException {
        SearchResult r =
                read("{'took': 'x', 'hits': ['no', 'object'], 'aggregations': {'year': [1, 2], 'unfiltered': 3,"
                        + " 'theme': {'values': {'buckets': {'not': 'an array'}}}}}");
        assertThat(r.total()).isZero();
        assertThat(r.tookMs()).isZero();
        assertThat(r.facets().get("year")).isEmpty();
        assertThat(r.facets().get("theme")).isEmpty();
        assertThat(r.totalUnfiltered()).isNull();
    }

    @Test
    void anAnswerThatIsNotAnObjectOrIsCutShortIsAnError() {
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{'hits': {'hits': [{'_id': 'a'}")).isInstanceOf(IOException.class);
    }

    @Test
    void collapsingWhitespaceGivesWhatTheRegularExpressionGave() {
        Pattern whitespace = Pattern.compile("\\s+");
        char[] alphabet = {' ', '\t', '\n', '\r', '\f', 0x0B, '\u3000', '\u00A0', '文', '史', 'a', '<', '>'};
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertThat(SearchResponseMapper.collapseWhitespace(text))
                    .as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(whitespace.matcher(text).replaceAll(" "));
        }
    }
}
