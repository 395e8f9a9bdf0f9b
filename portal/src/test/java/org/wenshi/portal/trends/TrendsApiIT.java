package org.wenshi.portal.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.schema.Fields;

/**
 * {@code /api/trends}, {@code /api/trends.csv} and {@code /api/figures} against the build's real
 * Elasticsearch node: every point is checked against what {@code /api/search} answers for the same
 * term, year and place, and against the counts known from {@link TrendFixtures}.
 */
class TrendsApiIT extends PortalWithTrendFixtures {

    /** The text of a 200 answer (the CSV endpoints). */
    private String text(String path, String... namesAndValues) {
        return PortalTestClient.text(http.get(PortalTestClient.query(path, namesAndValues))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private JsonNode get(String path, String... namesAndValues) {
        return PortalTestClient.json(http.get(PortalTestClient.query(path, namesAndValues))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private long searchTotal(String... namesAndValues) {
        return get("/api/search", namesAndValues).path("total").asLong();
    }

    /** Canonical fixture documents of a year (null: any) and city (null: any) that satisfy {@code text}. */
    private static long known(Integer year, String city, java.util.function.Predicate<String> text) {
        return DOCS.stream()
                .filter(d -> !Boolean.FALSE.equals(d.get(Fields.CANONICAL)))
                .filter(d -> year == null || year.equals(d.get(Fields.YEAR)))
                .filter(d -> city == null || city.equals(d.get(Fields.CITY)))
                .filter(d -> text.test((String) d.get(Fields.TEXT)))
                .count();
    }

    /** The years of the canonical fixture documents (of one city, or all), ascending. */
    private static List<Integer> knownYears(String city) {
        return DOCS.stream()
                .filter(d -> !Boolean.FALSE.equals(d.get(Fields.CANONICAL)))
                .filter(d -> city == null || city.equals(d.get(Fields.CITY)))
                .map(d -> (Integer) d.get(Fields.YEAR))
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    private static double per1000(long docs, long total) {
        return total == 0
                ? 0
                : BigDecimal.valueOf(docs * 1000)
                        .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    @Test
    void eachPointCountsWhatSearchCountsForThatTermAndYear() {
        String[] terms = {"河长制", "生态", "乡村振兴", "\"流域生态\"", "河长制 OR 乡村振兴"};
        List<String> params = new ArrayList<>();
        for (String t : terms) {
            params.add("term");
            params.add(t);
        }
        JsonNode result = get("/api/trends", params.toArray(String[]::new));
        assertThat(result.path("by").asText()).isEqualTo("year");
        assertThat(result.path("series")).hasSize(terms.length);
        for (int i = 0; i < terms.length; i++) {
            JsonNode series = result.path("series").get(i);
            assertThat(series.path("term").asText()).isEqualTo(terms[i]);
            List<Integer> years = new ArrayList<>();
            for (JsonNode p : series.path("points")) {
                int year = p.path("year").asInt();
                years.add(year);
                String y = Integer.toString(year);
                long docs = p.path("docs").asLong();
                long total = p.path("total").asLong();
                assertThat(docs)
                        .as("%s in %s", terms[i], y)
                        .isEqualTo(searchTotal("q", terms[i], "year_from", y, "year_to", y));
                assertThat(total).as("documents of %s", y).isEqualTo(searchTotal("year_from", y, "year_to", y));
                assertThat(total).isEqualTo(known(year, null, t -> true));
                assertThat(p.path("per_1000").asDouble()).isEqualTo(per1000(docs, total));
            }
            assertThat(years).containsExactlyElementsOf(knownYears(null));
        }
        // the counts are right, not only equal to search's: reprints out, traditional text in
        JsonNode river = result.path("series").get(0).path("points");
        for (JsonNode p : river) {
            int year = p.path("year").asInt();
            assertThat(p.path("docs").asLong())
                    .isEqualTo(known(year, null, t -> t.contains("河长制") || t.contains("河長制")));
            if (year <= TrendFixtures.LAST_YEAR) {
                assertThat(p.path("docs").asLong())
                        .as("river reports of %s", year)
                        .isPositive();
            }
        }
    }

    @Test
    void traditionalInputGivesTheSameSeries() {
        JsonNode simplified = get("/api/trends", "term", "河长制", "term", "生态保护").path("series");
        JsonNode traditional = get("/api/trends", "term", "河長制", "term", "生態保護").path("series");
        for (int i = 0; i < 2; i++) {
            assertThat(traditional.get(i).path("points"))
                    .isEqualTo(simplified.get(i).path("points"));
            assertThat(traditional.get(i).path("docs").asLong()).isPositive();
        }
    }

    @Test
    void byProvinceAndByCityCountPerPlaceUnderTheFilters() {
        JsonNode provinces = get("/api/trends", "term", "乡村振兴", "by", "province")
                .path("series")
                .get(0);
        List<String> places = new ArrayList<>();
        for (JsonNode p : provinces.path("points")) {
            String place = p.path("place").asText();
            places.add(place);
            assertThat(p.has("year")).isFalse();
            assertThat(p.path("docs").asLong()).isEqualTo(searchTotal("q", "乡村振兴", "province", place));
            assertThat(p.path("total").asLong()).isEqualTo(searchTotal("province", place));
        }
        assertThat(places).containsExactlyInAnyOrder("河南省", "四川省");

        JsonNode cities = get(
                        "/api/trends",
                        "term",
                        "河长制",
                        "by",
                        "city",
                        "province",
                        "河南省",
                        "year_from",
                        "2020",
                        "year_to",
                        "2022")
                .path("series")
                .get(0);
        places.clear();
        for (JsonNode p : cities.path("points")) {
            String city = p.path("place").asText();
            places.add(city);
            assertThat(p.path("docs").asLong())
                    .isEqualTo(searchTotal("q", "河长制", "city", city, "year_from", "2020", "year_to", "2022"));
            long expected = 0;
            for (int y = 2020; y <= 2022; y++) {
                expected += known(y, city, t -> true);
            }
            assertThat(p.path("total").asLong()).isEqualTo(expected);
        }
        assertThat(places).containsExactlyInAnyOrder("郑州市", "南阳市");
    }

    @Test
    void theHeatmapSplitsEachPlaceByYear() {
        JsonNode points = get("/api/trends", "term", "生态", "by", "city", "split", "year")
                .path("series")
                .get(0)
                .path("points");
        assertThat(points)
                .hasSize(TrendFixtures.CITIES.stream()
                        .mapToInt(c -> knownYears(c.city()).size())
                        .sum());
        for (JsonNode p : points) {
            String city = p.path("place").asText();
            String y = p.path("year").asText();
            assertThat(p.path("docs").asLong())
                    .as("%s %s", city, y)
                    .isEqualTo(searchTotal("q", "生态", "city", city, "year_from", y, "year_to", y));
            assertThat(p.path("total").asLong()).isEqualTo(known(Integer.parseInt(y), city, t -> true));
        }
    }

    @Test
    void aThemeWithoutATermIsTheThemesShare() {
        JsonNode result = get("/api/trends", "theme", "乡村振兴", "theme", "生态文明");
        assertThat(result.path("series")).hasSize(2);
        for (JsonNode series : result.path("series")) {
            assertThat(series.path("kind").asText()).isEqualTo("theme");
            String theme = series.path("term").asText();
            long sum = 0;
            for (JsonNode p : series.path("points")) {
                String y = p.path("year").asText();
                sum += p.path("docs").asLong();
                assertThat(p.path("docs").asLong())
                        .isEqualTo(searchTotal("theme", theme, "year_from", y, "year_to", y));
            }
            assertThat(series.path("docs").asLong()).isEqualTo(sum).isPositive();
        }
    }

    @Test
    void smoothingGivesEachYearTheRateOverTheYearsAroundIt() {
        JsonNode raw = get("/api/trends", "term", "河长制").path("series").get(0).path("points");
        JsonNode smoothed = get("/api/trends", "term", "河长制", "smoothing", "2")
                .path("series")
                .get(0)
                .path("points");
        assertThat(smoothed).hasSameSizeAs(raw);
        for (int i = 0; i < raw.size(); i++) {
            JsonNode p = smoothed.get(i);
            // the raw figures stay as they are
            assertThat(p.path("docs").asLong())
                    .isEqualTo(raw.get(i).path("docs").asLong());
            assertThat(p.path("per_1000").asDouble())
                    .isEqualTo(raw.get(i).path("per_1000").asDouble());
            long docs = 0;
            long total = 0;
            for (JsonNode q : raw) {
                if (Math.abs(q.path("year").asInt() - p.path("year").asInt()) <= 2) {
                    docs += q.path("docs").asLong();
                    total += q.path("total").asLong();
                }
            }
            double expected = Math.round(docs * 100000.0 / total) / 100.0;
            assertThat(p.path("smoothed_per_1000").asDouble())
                    .as("year " + p.path("year").asInt())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.006));
        }
        assertThat(raw.get(0).has("smoothed_per_1000"))
                .as("absent without smoothing")
                .isFalse();
        String csv = text("/api/trends.csv", "term", "河长制", "smoothing", "2");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("per_1000,smoothed_per_1000");
    }

    @Test
    void theCsvHoldsTheSameNumbersAsTheJson() {
        String[] params = {"term", "河长制", "term", "乡村振兴", "year_from", "2019"};
        JsonNode json = get("/api/trends", params);
        String csv = PortalTestClient.text(http.get(PortalTestClient.query("/api/trends.csv", params))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader()
                .valueMatches("Content-Disposition", "attachment; filename=\"trends.csv\"")
                .expectBody()
                .returnResult()
                .getResponseBody());
        List<String> lines = List.of(csv.replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("term,year,docs,total,per_1000");
        List<String> expected = new ArrayList<>();
        for (JsonNode s : json.path("series")) {
            for (JsonNode p : s.path("points")) {
                expected.add(String.join(
                        ",",
                        s.path("term").asText(),
                        p.path("year").asText(),
                        p.path("docs").asText(),
                        p.path("total").asText(),
                        Double.toString(p.path("per_1000").asDouble())));
            }
        }
        assertThat(lines.subList(1, lines.size()))
                .containsExactlyElementsOf(expected)
                .hasSize(2
                        * (int) knownYears(null).stream().filter(y -> y >= 2019).count());

        String places = text("/api/trends.csv", "term", "生态", "by", "province", "split", "year");
        assertThat(places.replace("\uFEFF", "")).startsWith("term,place,year,docs,total,per_1000\r\n生态,");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "term=a&term=b&term=c&term=d&term=e&term=f&term=g",
                "term=",
                "term=%20%20",
                "term=%EF%BC%8C%E3%80%82",
                "by=decade&term=x",
                "term=x&year_from=2020&year_to=2010",
                "term=x&split=year",
                "term=x&by=city&split=month",
                "term=x&year_from=abc",
                "by=year",
                "term=x&by=year&by=city",
                "term=x&smoothing=11",
                "term=x&smoothing=-1",
                "term=x&smoothing=two",
                "term=x&by=city&smoothing=2"
            })
    void badRequestsGetA400WithAMessage(String query) {
        JsonNode error = PortalTestClient.json(http.get("/api/trends?" + query)
                        .exchange()
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .returnResult()
                        .getResponseBody())
                .path("error");
        assertThat(error.path("code").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void aTenKilobyteTermGetsA400() {
        String term = "河".repeat(3500); // 10.5 KB in UTF-8
        http.get(PortalTestClient.query("/api/trends", "term", term))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("term_too_long");
        http.get(PortalTestClient.query("/api/trends.csv", "term", term))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void figuresAreSeriesPerPlaceAndYearWithTheirDocumentAndSentence() {
        JsonNode result = get("/api/figures", "metric", "提案立案");
        assertThat(result.path("names")).extracting(JsonNode::asText).containsExactly("提案立案", "立案提案");
        JsonNode zhengzhou = series(result, "郑州市");
        assertThat(zhengzhou.path("points")).hasSize(2);
        JsonNode y2022 = zhengzhou.path("points").get(0);
        assertThat(y2022.path("year").asInt()).isEqualTo(2022);
        assertThat(y2022.path("value").asDouble()).isEqualTo(615);
        assertThat(y2022.path("unit").asText()).isEqualTo("件");
        assertThat(y2022.path("documents").asInt()).isEqualTo(2);
        // the newest of the documents that agree
        assertThat(y2022.path("doc_id").asText()).isEqualTo("zz-news-2022");
        assertThat(y2022.path("sentence").asText()).contains("提案立案615件");
        JsonNode y2023 = zhengzhou.path("points").get(1);
        assertThat(y2023.path("value").asDouble()).isEqualTo(702);
        assertThat(y2023.path("doc_id").asText()).isEqualTo("zz-report-2023");
        // 立案提案 is the same metric; 提案 (received) is not
        JsonNode nanyang = series(result, "南阳市");
        assertThat(nanyang.path("points")).hasSize(1);
        assertThat(nanyang.path("points").get(0).path("value").asDouble()).isEqualTo(388);
        assertThat(nanyang.path("points").get(0).path("metric").asText()).isEqualTo("立案提案");

        assertThat(result.path("metrics"))
                .extracting(JsonNode::asText)
                .contains("提案立案", "提案", "社情民意信息")
                .doesNotContain("立案提案");

        JsonNode filtered = get("/api/figures", "metric", "立案提案", "city", "南阳市");
        assertThat(filtered.path("series")).hasSize(1);
        assertThat(filtered.path("series").get(0).path("place").asText()).isEqualTo("南阳市");
        JsonNode years = get("/api/figures", "metric", "提案立案", "year_from", "2023");
        assertThat(series(years, "郑州市").path("points")).hasSize(1);

        JsonNode list = get("/api/figures");
        assertThat(list.path("series")).isEmpty();
        assertThat(list.path("metrics")).extracting(JsonNode::asText).contains("提案立案", "提案");
    }

    @Test
    void theFiguresCsvHoldsTheSameRows() {
        String csv = text("/api/figures.csv", "metric", "提案立案", "city", "郑州市");
        List<String> lines = List.of(csv.replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("metric,place,year,value,unit,approximate,documents,doc_id,title,sentence");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("提案立案,郑州市,2022,615.0,件,false,2,zz-news-2022,");
        assertThat(lines.get(2)).startsWith("提案立案,郑州市,2023,702.0,件,false,1,zz-report-2023,");
    }

    @Test
    void aBadMetricGetsA400() {
        http.get(PortalTestClient.query("/api/figures", "metric", "提".repeat(60)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("invalid_metric");
    }

    private static JsonNode series(JsonNode result, String place) {
        for (JsonNode s : result.path("series")) {
            if (Objects.equals(s.path("place").asText(), place)) {
                return s;
            }
        }
        throw new AssertionError("no series for " + place + " in " + result);
    }
}
