package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wenshi.ingest.enrich.Division.Level;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void loadsTheBundledDivisionsWithTheirCodes() {
        assertThat(gazetteer.divisions()).hasSizeGreaterThan(3000);
        Division henan = gazetteer.find("河南省", Level.PROVINCE, null).orElseThrow();
        assertThat(henan.code()).isEqualTo("410000");
        Division nanyang = gazetteer.find("南阳市", Level.CITY, henan).orElseThrow();
        assertThat(nanyang.code()).isEqualTo("411300");
        Division nanjiang = gazetteer.find("南江县", Level.COUNTY, null).orElseThrow();
        assertThat(nanjiang.code()).isEqualTo("511922");
        assertThat(nanjiang.parent().name()).isEqualTo("巴中市");
        assertThat(nanjiang.province().orElseThrow().name()).isEqualTo("四川省");
    }

    @Test
    void municipalityIsItsOwnCity() {
        Division beijing = gazetteer.find("北京市", Level.PROVINCE, null).orElseThrow();
        Division city = gazetteer.municipalityCity(beijing).orElseThrow();
        assertThat(city.name()).isEqualTo("北京市");
        assertThat(city.code()).isEqualTo("110000");
        Division chaoyang = gazetteer.find("朝阳区", Level.COUNTY, beijing).orElseThrow();
        assertThat(chaoyang.parent()).isEqualTo(city);
    }

    @Test
    void countyLevelCitiesUnderTheProvinceBecomeCities() {
        Division jiyuan = gazetteer.find("济源市", Level.CITY, null).orElseThrow();
        assertThat(jiyuan.parent().name()).isEqualTo("河南省");
        assertThat(jiyuan.code()).isEqualTo("419001");
    }

    @Test
    void knowsShortFormsWithoutSuffixesAndEthnicNames() {
        assertThat(gazetteer.lookup("南阳")).extracting(n -> n.division().name()).contains("南阳市");
        assertThat(gazetteer.lookup("南江")).extracting(n -> n.division().name()).contains("南江县");
        assertThat(gazetteer.lookup("恩施")).extracting(n -> n.division().name()).contains("恩施土家族苗族自治州");
        assertThat(gazetteer.lookup("广西")).extracting(n -> n.division().name()).contains("广西壮族自治区");
        assertThat(gazetteer.lookup("新疆")).extracting(n -> n.division().name()).contains("新疆维吾尔自治区");
        assertThat(gazetteer.lookup("台湾")).extracting(n -> n.division().name()).contains("台湾省");
        assertThat(gazetteer.lookup("南阳")).allMatch(Gazetteer.Name::shortForm);
    }
}
