package org.wenshi.portal.trends;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.system.ApiException;

class TrendCriteriaTest {

    private static MultiValueMap<String, String> params(String... namesAndValues) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    private static String code(String... namesAndValues) {
        try {
            TrendCriteria.from(params(namesAndValues));
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void termsAreSeriesInOrderDuplicatesOnce() {
        TrendCriteria c = TrendCriteria.from(params("term", "河长制", "term", " 生态 ", "term", "河长制"));
        assertThat(c.series()).extracting(TrendCriteria.Series::label).containsExactly("河长制", "生态");
        assertThat(c.by()).isEqualTo(TrendCriteria.GroupBy.YEAR);
        assertThat(c.split()).isFalse();
    }

    @Test
    void withTermsAThemeFiltersWithoutTermsItIsASeries() {
        TrendCriteria filtered = TrendCriteria.from(params("term", "河长制", "theme", "生态文明"));
        assertThat(filtered.series()).hasSize(1);
        assertThat(filtered.filters().values(Facet.THEME)).containsExactly("生态文明");
        TrendCriteria shares = TrendCriteria.from(params("theme", "生态文明", "theme", "乡村振兴", "city", "郑州市"));
        assertThat(shares.series()).extracting(TrendCriteria.Series::kind).containsOnly(TrendCriteria.Kind.THEME);
        assertThat(shares.filters().values(Facet.THEME)).isEmpty();
        assertThat(shares.filters().values(Facet.CITY)).containsExactly("郑州市");
    }

    @Test
    void badValuesAreRefusedWithTheirCode() {
        assertThat(code("term", "a", "term", "b", "term", "c", "term", "d", "term", "e", "term", "f", "term", "g"))
                .isEqualTo("too_many_terms");
        assertThat(code("term", "")).isEqualTo("empty_term");
        assertThat(code("term", "，。")).isEqualTo("empty_term");
        assertThat(code("term", "x".repeat(1001))).isEqualTo("term_too_long");
        assertThat(code("term", "x", "by", "decade")).isEqualTo("invalid_by");
        assertThat(code("term", "x", "split", "year")).isEqualTo("invalid_split");
        assertThat(code("term", "x", "year_from", "2020", "year_to", "2010")).isEqualTo("invalid_year_range");
        assertThat(code("city", "郑州市")).isEqualTo("missing_term");
    }

    @Test
    void parametersReproduceTheView() {
        TrendCriteria c = TrendCriteria.from(params(
                "term", "河长制", "by", "city", "split", "year", "province", "河南省", "year_from", "2000", "page", "3"));
        MultiValueMap<String, String> p = c.toParameters();
        assertThat(p.get("term")).containsExactly("河长制");
        assertThat(p.getFirst("by")).isEqualTo("city");
        assertThat(p.getFirst("split")).isEqualTo("year");
        assertThat(p.getFirst("province")).isEqualTo("河南省");
        assertThat(p.getFirst("year_from")).isEqualTo("2000");
        assertThat(p).doesNotContainKey("page");
        assertThat(TrendCriteria.from(p).toParameters()).isEqualTo(p);
    }

    @Test
    void perThousandIsRoundedHalfUpToTwoDecimals() {
        assertThat(TrendResult.per1000(5, 40)).isEqualTo(125.0);
        assertThat(TrendResult.per1000(1, 3)).isEqualTo(333.33);
        assertThat(TrendResult.per1000(2, 3)).isEqualTo(666.67);
        assertThat(TrendResult.per1000(0, 0)).isEqualTo(0.0);
    }

    @Test
    void metricNamesMergeSwappedWordsOnly() {
        assertThat(MetricNames.variants("提案立案")).containsExactly("提案立案", "立案提案");
        assertThat(MetricNames.key("立案提案")).isEqualTo(MetricNames.key("提案立案"));
        assertThat(MetricNames.key("提案")).isNotEqualTo(MetricNames.key("提案立案"));
        assertThat(MetricNames.variants("社情民意信息")).containsExactly("社情民意信息");
        assertThat(MetricNames.variants("ab12")).containsExactly("ab12");
    }

    @Test
    void csvQuotesWhatNeedsItAndGuardsFormulas() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(Csv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Csv.field("-政协")).isEqualTo("'-政协");
        assertThat(Csv.field(-1.5)).isEqualTo("-1.5");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(new Csv().row("a", 1).toString()).isEqualTo("\uFEFFa,1\r\n");
    }

    @Test
    void safeJsonCannotCloseItsScript() {
        assertThat(TrendsPageController.safe("{\"t\":\"</script><b>&\"}"))
                .doesNotContain("<", ">", "&")
                .contains("\\u003c/script\\u003e");
    }
}
