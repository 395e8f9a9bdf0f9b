package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * County names renamed or abolished since 1981 placed where their land is today, through the
 * whole place enricher, on a committee's sentence naming them.
 */
class HistoricalNamesTest {
    private final PlaceEnricher places = new PlaceEnricher(Gazetteer.bundled());

    private Place place(String county) {
        return places.resolve(county + "政协文史资料委员会座谈会", county + "政协召开座谈会，征集地方文史资料。", List.of());
    }

    @Test
    void renamedAndAbolishedCountiesArePlacedInTodaysCity() {
        Place liaozhong = place("辽中县");
        assertThat(liaozhong.city().name()).isEqualTo("沈阳市");
        assertThat(liaozhong.county().name()).isEqualTo("辽中区");
        assertThat(place("江浦县").city().name()).isEqualTo("南京市");
        Place fengcheng = place("凤城满族自治县");
        assertThat(fengcheng.province().name()).isEqualTo("辽宁省");
        assertThat(fengcheng.county().name()).isEqualTo("凤城市");
    }

    @Test
    void ordinaryWordsAndNamesOfSeveralPlacesAreNeverGuessed() {
        assertThat(place("郊区").city()).as("郊区 is an ordinary word").isNull();
        assertThat(place("城关区").city()).as("城关区 was a district of many cities").isNull();
    }

    /**
     * Forty county names renamed or abolished since 1981 (most became districts or county-level
     * cities), with the city each belongs to today, written down from the administrative history
     * rather than from the history file, each named in a committee's sentence: at least 90 % placed
     * in that city.
     */
    static final String[][] OLD_COUNTIES = {
        {"辽中县", "沈阳市"}, {"江浦县", "南京市"}, {"凤城满族自治县", "丹东市"}, {"麻城县", "黄冈市"}, {"邵武县", "南平市"},
        {"萧山县", "杭州市"}, {"余杭县", "杭州市"}, {"番禺县", "广州市"}, {"顺德县", "佛山市"}, {"南海县", "佛山市"},
        {"宝安县", "深圳市"}, {"江宁县", "南京市"}, {"六合县", "南京市"}, {"昆山县", "苏州市"}, {"江都县", "扬州市"},
        {"武进县", "常州市"}, {"温江县", "成都市"}, {"双流县", "成都市"}, {"新都县", "成都市"}, {"长安县", "西安市"},
        {"江北县", "重庆市"}, {"长清县", "济南市"}, {"章丘县", "济南市"}, {"即墨县", "青岛市"}, {"登封县", "郑州市"},
        {"新郑县", "郑州市"}, {"荥阳县", "郑州市"}, {"平度县", "青岛市"}, {"莱西县", "青岛市"}, {"增城县", "广州市"},
        {"从化县", "广州市"}, {"昌平县", "北京市"}, {"大兴县", "北京市"}, {"宁乡县", "长沙市"}, {"浏阳县", "长沙市"},
        {"望城县", "长沙市"}, {"呈贡县", "昆明市"}, {"江津县", "重庆市"}, {"合川县", "重庆市"}, {"永川县", "重庆市"}
    };

    @Test
    void ninetyPercentOfFortyOldCountyNamesArePlacedInTodaysCity() {
        PlaceEnricher baseline = new PlaceEnricher(Gazetteer.currentOnly());
        int baselineRight = 0;
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (String[] c : OLD_COUNTIES) {
            Place b = baseline.resolve(c[0] + "政协文史资料委员会座谈会", c[0] + "政协召开座谈会，征集地方文史资料。", List.of());
            if (b.city() != null && c[1].equals(b.city().name())) {
                baselineRight++;
            }
            Place p = place(c[0]);
            String city = p.city() == null ? null : p.city().name();
            if (c[1].equals(city)) {
                right++;
            } else {
                misses.add(c[0] + " → " + city + " (expected " + c[1] + ")");
            }
        }
        System.out.printf(
                "old county names placed in today's city: %d/%d (today's names only: %d/%d); misses %s%n",
                right, OLD_COUNTIES.length, baselineRight, OLD_COUNTIES.length, misses);
        assertThat(baselineRight).as("the baseline, today's names only").isLessThan(right);
        assertThat(right).as("misses: " + misses).isGreaterThanOrEqualTo(36);
    }
}
