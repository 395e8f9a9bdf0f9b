package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.schema.Fields;

/** The JSON the builder sends, for a few queries. */
class SearchQueryBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SearchQueryBuilder builder = new SearchQueryBuilder();

    private JsonNode request(String... params) throws Exception {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.add(params[i], params[i + 1]);
        }
        SearchRequest request = builder.build(SearchCriteria.from(map), "wenshi-docs");
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    /** The part built from what the user typed, inside the wrapper that leaves reprints out. */
    private static JsonNode userQuery(JsonNode request) {
        return request.path("query").path("bool").path("must").get(0);
    }

    private static List<String> fieldsOf(JsonNode node, String queryType) {
        List<String> fields = new ArrayList<>();
        node.findParents(queryType)
                .forEach(parent -> parent.get(queryType).fieldNames().forEachRemaining(fields::add));
        return fields;
    }

    @Test
    void emptyQueryBrowsesAllNewestFirstWithTotalsFacetsAndSnippets() throws Exception {
        JsonNode r = request();
        assertThat(userQuery(r).has("match_all")).isTrue();
        assertThat(r.path("track_total_hits").asBoolean()).isTrue();
        assertThat(r.path("from").asInt()).isZero();
        assertThat(r.path("size").asInt()).isEqualTo(20);
        assertThat(r.path("sort").get(0).has(Fields.DATE)).isTrue();
        assertThat(r.path("sort").get(0).path(Fields.DATE).path("order").asText())
                .isEqualTo("desc");
        assertThat(r.path("aggregations").fieldNames())
                .toIterable()
                .containsExactly(
                        "province",
                        "city",
                        "county",
                        "year",
                        "theme",
                        "type",
                        "source",
                        "people",
                        "years_covered",
                        "place_tree");
        assertThat(r.path("_source").path("includes"))
                .extracting(JsonNode::asText)
                .doesNotContain(Fields.TEXT);
        JsonNode highlight = r.path("highlight");
        assertThat(highlight.path("encoder").asText()).isEqualTo("html");
        assertThat(highlight.path("type").asText()).isEqualTo("unified");
        assertThat(highlight.path("pre_tags").get(0).asText()).isEqualTo("<mark>");
        assertThat(highlight.path("post_tags").get(0).asText()).isEqualTo("</mark>");
        assertThat(highlight
                        .path("fields")
                        .path(Fields.TEXT)
                        .path("no_match_size")
                        .asInt())
                .isEqualTo(160);
    }

    @Test
    void exactCopiesFoundAtIngestStayOutOfResultsAndCounts() throws Exception {
        JsonNode mustNot = request("q", "政协").path("query").path("bool").path("must_not");
        assertThat(mustNot).hasSize(1);
        assertThat(mustNot.get(0)
                        .path("term")
                        .path(Fields.CANONICAL)
                        .path("value")
                        .asBoolean(true))
                .isFalse();
    }

    @Test
    void aQuestionIsMatchedByAnyOfItsWordsWithoutItsQuestionWordsAndALighterTitle() throws Exception {
        JsonNode r = request("q", "林默娘得年多少？");
        JsonNode word = userQuery(r).path("bool").path("should").get(0).path("bool");
        for (JsonNode m : word.findParents("match")) {
            JsonNode match = m.path("match").elements().next();
            assertThat(match.path("query").asText()).doesNotContain("多少").contains("林默娘得年");
            assertThat(match.path("minimum_should_match").asText())
                    .isEqualTo(SearchQueryBuilder.QUESTION_TOKENS_TO_MATCH);
        }
        JsonNode title = word.findParents("match").stream()
                .filter(m -> m.path("match").has(Fields.TITLE))
                .findFirst()
                .orElseThrow();
        assertThat(title.path("match").path(Fields.TITLE).path("boost").asDouble())
                .isEqualTo(SearchQueryBuilder.QUESTION_TITLE_BOOST, org.assertj.core.data.Offset.offset(1e-6));
        // The sequence as typed still earns the adjacency bonus.
        assertThat(word.findValue("match_phrase")
                        .path(Fields.TEXT_BIGRAMS)
                        .path("query")
                        .asText())
                .isEqualTo("林默娘得年多少？");
        assertThat(r.path("query").path("bool").path("should").toString())
                .as("no title-overlap bonus for a question")
                .doesNotContain(Fields.TITLE_BIGRAMS);

        // Keywords keep the strict share and the x3 title.
        JsonNode keywords = userQuery(request("q", "林默娘"))
                .path("bool")
                .path("should")
                .get(0)
                .path("bool");
        for (JsonNode m : keywords.findParents("match")) {
            assertThat(m.path("match")
                            .elements()
                            .next()
                            .path("minimum_should_match")
                            .asText())
                    .isIn(SearchQueryBuilder.WORD_TOKENS_TO_MATCH, SearchQueryBuilder.BIGRAMS_TO_MATCH);
        }
    }

    @Test
    void wordsSearchWordAndBigramFieldsWithTitleBoostsAndLenientMatching() throws Exception {
        JsonNode r = request("q", "政协委员 提案");
        JsonNode bool = userQuery(r).path("bool");
        assertThat(bool.path("should")).hasSize(2);
        assertThat(bool.path("minimum_should_match").asText()).isEqualTo("3<75%");
        JsonNode firstWord = bool.path("should").get(0).path("bool");
        assertThat(fieldsOf(firstWord, "match"))
                .containsExactly(Fields.TEXT, Fields.TEXT_BIGRAMS, Fields.TITLE, Fields.TITLE_BIGRAMS);
        JsonNode titleMatch = firstWord.findParents("match").stream()
                .filter(m -> m.path("match").has(Fields.TITLE))
                .findFirst()
                .orElseThrow();
        assertThat(titleMatch.path("match").path(Fields.TITLE).path("boost").asDouble())
                .isEqualTo(3.0);
        assertThat(titleMatch
                        .path("match")
                        .path(Fields.TITLE)
                        .path("minimum_should_match")
                        .asText())
                .isEqualTo(SearchQueryBuilder.WORD_TOKENS_TO_MATCH);
        assertThat(titleMatch.path("match").path(Fields.TITLE).path("query").asText())
                .isEqualTo("政协委员");
        JsonNode bigramMatch = firstWord.findParents("match").stream()
                .filter(m -> m.path("match").has(Fields.TEXT_BIGRAMS))
                .findFirst()
                .orElseThrow();
        assertThat(bigramMatch
                        .path("match")
                        .path(Fields.TEXT_BIGRAMS)
                        .path("minimum_should_match")
                        .asText())
                .isEqualTo(SearchQueryBuilder.BIGRAMS_TO_MATCH);
        assertThat(fieldsOf(firstWord, "match_phrase")).containsExactly(Fields.TEXT_BIGRAMS);
        assertThat(r.path("sort").get(0).has("_score")).isTrue();
    }

    @Test
    void phraseIsAMatchPhraseOnBigramFieldsOnly() throws Exception {
        JsonNode r = request("q", "\"有事好商量\"");
        JsonNode must = userQuery(r).path("bool").path("must");
        assertThat(must).hasSize(1);
        assertThat(fieldsOf(must, "match_phrase")).containsExactly(Fields.TEXT_BIGRAMS, Fields.TITLE_BIGRAMS);
        assertThat(fieldsOf(must, "match")).isEmpty();
        assertThat(must.findValuesAsText("query")).containsOnly("有事好商量");
    }

    @Test
    void exclusionsAndAlternativesAndTitleScope() throws Exception {
        JsonNode r = request("q", "提案 OR 建议 -会议 title:文史");
        JsonNode bool = userQuery(r).path("bool");
        JsonNode anyOf = bool.path("must").get(0).path("bool");
        assertThat(anyOf.path("should")).hasSize(2);
        assertThat(anyOf.path("minimum_should_match").asText()).isEqualTo("1");
        assertThat(fieldsOf(bool.path("must_not"), "match_phrase"))
                .containsExactly(Fields.TEXT_BIGRAMS, Fields.TITLE_BIGRAMS);
        assertThat(bool.path("must_not").findValuesAsText("query")).containsOnly("会议");
        JsonNode titleWord = bool.path("should").get(0);
        assertThat(fieldsOf(titleWord, "match")).containsExactly(Fields.TITLE, Fields.TITLE_BIGRAMS);
    }

    @Test
    void onlyExclusionsMatchEverythingElse() throws Exception {
        JsonNode bool = userQuery(request("q", "-会议")).path("bool");
        assertThat(bool.path("must").get(0).has("match_all")).isTrue();
        assertThat(bool.path("must_not")).hasSize(1);
    }

    @Test
    void userTextNeverBecomesQuerySyntax() throws Exception {
        JsonNode r = request("q", "title:(a OR b) AND c* \\\"x");
        assertThat(r.findParents("query_string")).isEmpty();
        assertThat(r.findParents("simple_query_string")).isEmpty();
    }

    @Test
    void facetFiltersGoToPostFilterAndEachFacetIsCountedWithoutItsOwnFilter() throws Exception {
        JsonNode r = request("city", "巴中市", "city", "南阳市", "type", "提案", "year_from", "2000", "year_to", "2024");
        JsonNode postFilters = r.path("post_filter").path("bool").path("filter");
        assertThat(postFilters).hasSize(3);
        assertThat(postFilters.findValues(Fields.CITY).get(0))
                .extracting(JsonNode::asText)
                .containsExactly("巴中市", "南阳市");

        JsonNode cityFacet = r.path("aggregations").path("city");
        JsonNode cityFilters = cityFacet.path("filter").path("bool").path("filter");
        assertThat(cityFilters).hasSize(2);
        assertThat(cityFilters.findValues(Fields.CITY)).isEmpty();
        assertThat(cityFacet
                        .path("aggregations")
                        .path("values")
                        .path("terms")
                        .path("field")
                        .asText())
                .isEqualTo(Fields.CITY);

        JsonNode yearFacet = r.path("aggregations").path("year");
        assertThat(yearFacet.path("filter").path("bool").path("filter").findParents("range"))
                .isEmpty();
        assertThat(yearFacet
                        .path("aggregations")
                        .path("values")
                        .path("terms")
                        .path("order")
                        .get(0)
                        .path("_key")
                        .asText())
                .isEqualTo("asc");

        JsonNode themeFacet = r.path("aggregations").path("theme");
        assertThat(themeFacet.path("filter").path("bool").path("filter")).hasSize(3);
        assertThat(themeFacet
                        .path("aggregations")
                        .path("values")
                        .path("terms")
                        .path("field")
                        .asText())
                .isEqualTo(Fields.THEMES);
        assertThat(userQuery(r).has("match_all")).isTrue();
    }

    @Test
    void pagingAndSortByDate() throws Exception {
        JsonNode r = request("q", "政协", "page", "3", "size", "50", "sort", "oldest");
        assertThat(r.path("from").asInt()).isEqualTo(100);
        assertThat(r.path("size").asInt()).isEqualTo(50);
        JsonNode first = r.path("sort").get(0);
        assertThat(first.path(Fields.DATE).path("order").asText()).isEqualTo("asc");
        assertThat(first.path(Fields.DATE).path("missing").asText()).isEqualTo("_last");
    }

    @Test
    void matchingPagesComeAsInnerHitsThatNeverScore() throws Exception {
        JsonNode should =
                request("q", "政协 \"有事好商量\" -巴中").path("query").path("bool").path("should");
        assertThat(should).hasSize(2);
        JsonNode nested = should.get(1).path("nested");
        assertThat(nested.path("path").asText()).isEqualTo(Fields.PAGES);
        assertThat(nested.path("score_mode").asText()).isEqualTo("none");
        assertThat(nested.path("inner_hits").path("name").asText()).isEqualTo("pages");
        assertThat(nested.path("inner_hits").path("_source").asBoolean(true)).isFalse();
        assertThat(fieldsOf(nested, "match_phrase")).containsExactly(Fields.PAGE_TEXT_BIGRAMS);
        assertThat(fieldsOf(nested, "match")).containsExactly(Fields.PAGE_TEXT_BIGRAMS);
        assertThat(nested.toString()).doesNotContain("巴中");
        assertThat(request().path("query").path("bool").has("should")).isFalse();
    }

    @Test
    void titleOverlapScoresTheQuerysWordsInTitlesWithoutRequiringThem() throws Exception {
        JsonNode should = request("q", "回忆抗日战争时期游击队的文章 \"有事好商量\" -巴中")
                .path("query")
                .path("bool")
                .path("should");
        JsonNode overlap = should.get(0).path("match").path(Fields.TITLE_BIGRAMS);
        assertThat(overlap.path("query").asText()).isEqualTo("回忆抗日战争时期游击队的文章");
        assertThat(overlap.has("minimum_should_match")).isFalse();
        assertThat(request("q", "title:政协")
                        .path("query")
                        .path("bool")
                        .path("should")
                        .toString())
                .doesNotContain(Fields.TITLE_BIGRAMS);
    }

    @Test
    void searchingWithinResultsRequiresEveryEarlierQuery() throws Exception {
        JsonNode must = request("q", "提案", "within", "政协", "within", "文史")
                .path("query")
                .path("bool")
                .path("must");
        assertThat(must).hasSize(3);
        assertThat(must.get(1).toString()).contains("政协");
        assertThat(must.get(2).toString()).contains("文史");
        assertThat(request("within", "政协").path("sort").get(0).has("_score")).isTrue();
    }

    @Test
    void yearsCoveredAndPeopleFilterLikeTheOtherFacets() throws Exception {
        JsonNode r = request("covered_from", "1937", "covered_to", "1945", "people", "张三");
        String filters = r.path("post_filter").toString();
        assertThat(filters).contains(Fields.YEARS_COVERED).contains("1937").contains(Fields.PEOPLE_NAME);
        JsonNode people = r.path("aggregations").path("people").path("filter");
        assertThat(people.toString()).contains(Fields.YEARS_COVERED).doesNotContain("张三");
        assertThat(r.path("aggregations").path("unfiltered").path("filter").has("match_all"))
                .isTrue();
        assertThat(request().path("aggregations").has("unfiltered")).isFalse();
    }

    @Test
    void placeTreeIsCountedUnderEveryFilterButThePlaces() throws Exception {
        JsonNode tree =
                request("city", "巴中市", "type", "提案").path("aggregations").path("place_tree");
        assertThat(tree.path("filter").toString()).contains("提案").doesNotContain("巴中市");
        JsonNode provinces = tree.path("aggregations").path("values");
        assertThat(provinces.path("terms").path("field").asText()).isEqualTo(Fields.PROVINCE);
        JsonNode cities = provinces.path("aggregations").path("values");
        assertThat(cities.path("terms").path("field").asText()).isEqualTo(Fields.CITY);
        assertThat(cities.path("aggregations")
                        .path("values")
                        .path("terms")
                        .path("field")
                        .asText())
                .isEqualTo(Fields.COUNTY);
    }
}
