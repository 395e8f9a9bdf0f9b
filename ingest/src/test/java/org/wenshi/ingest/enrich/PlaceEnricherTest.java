package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.ingest.extract.ChineseScript;

class PlaceEnricherTest {
    private final PlaceEnricher enricher = new PlaceEnricher(Gazetteer.bundled());

    private Place resolve(String title, String text) {
        return enricher.resolve(title, text, List.of());
    }

    @Test
    void cityCommitteeFromShortCommitteeName() {
        Place p = resolve("南阳市政协召开常委会议", "会议听取了市政协各专委会的工作汇报。");
        assertThat(p.province().name()).isEqualTo("河南省");
        assertThat(p.province().code()).isEqualTo("410000");
        assertThat(p.city().name()).isEqualTo("南阳市");
        assertThat(p.city().code()).isEqualTo("411300");
        assertThat(p.county()).isNull();
        assertThat(p.level()).isEqualTo(Place.MUNICIPAL);
    }

    @Test
    void countyCommitteeFromChairTitle() {
        Place p = resolve("委员风采", "近日，南江县政协主席带队深入乡镇调研，了解特色农业发展情况。");
        assertThat(p.province().name()).isEqualTo("四川省");
        assertThat(p.city().name()).isEqualTo("巴中市");
        assertThat(p.county().name()).isEqualTo("南江县");
        assertThat(p.county().code()).isEqualTo("511922");
        assertThat(p.level()).isEqualTo(Place.COUNTY);
    }

    @Test
    void shortCountyNameCountsInsideACommitteePattern() {
        Place p = resolve("南江政协开展委员培训", "培训为期三天。");
        assertThat(p.county().name()).isEqualTo("南江县");
    }

    @Test
    void fullCommitteeNamesWithTermAndSession() {
        assertThat(resolve("工作报告", "政协第七届南阳市委员会第三次会议在南阳召开。").city().name()).isEqualTo("南阳市");
        assertThat(resolve("工作报告", "政协郑州市第十五届委员会常务委员会工作报告").city().name()).isEqualTo("郑州市");
        assertThat(resolve("文件", "中国人民政治协商会议许昌市委员会办公室").city().name()).isEqualTo("许昌市");
    }

    @Test
    void partyCommitteeNamesTheLocality() {
        Place p = resolve("学习会", "在中共漯河市委的坚强领导下，各项工作取得新进展。");
        assertThat(p.city().name()).isEqualTo("漯河市");
    }

    @Test
    void committeeOutweighsOtherMentions() {
        Place p = resolve("巴中市政协委员赴成都学习考察", "委员们先后到成都市、绵阳市考察，学习成都城市更新的经验。巴中市政协主席说，要结合巴中实际抓好落实。");
        assertThat(p.city().name()).isEqualTo("巴中市");
        assertThat(p.mentioned()).contains("巴中市", "成都市", "绵阳市");
    }

    @Test
    void countyCommitteeInsideAFullChain() {
        Place p = resolve("通知", "政协四川省巴中市南江县委员会关于召开全体会议的通知");
        assertThat(p.county().name()).isEqualTo("南江县");
        assertThat(p.city().name()).isEqualTo("巴中市");
    }

    @Test
    void municipalityIsProvinceAndCity() {
        Place p = resolve("北京市政协召开协商会", "会议由北京市政协主席主持。");
        assertThat(p.province().name()).isEqualTo("北京市");
        assertThat(p.city().name()).isEqualTo("北京市");
        assertThat(p.level()).isEqualTo(Place.PROVINCIAL);
    }

    @Test
    void ambiguousDistrictGoesToTheSupportedCandidate() {
        Place p = resolve("朝阳区政协调研", "北京市朝阳区政协组织委员调研老旧小区改造。");
        assertThat(p.province().name()).isEqualTo("北京市");
        assertThat(p.county().name()).isEqualTo("朝阳区");
    }

    @Test
    void withoutCommitteeTheMostMentionedPlaceWins() {
        Place p = resolve("抗战时期的游击队", "一九三八年春，日军逼近南阳。南阳青年纷纷参加游击队。后来部队转移到南阳以西的山区。");
        assertThat(p.city().name()).isEqualTo("南阳市");
        assertThat(p.level()).isNull();
    }

    @Test
    void genericCommitteeWordGivesTheLevel() {
        Place p = resolve("市政协召开主席会议", "会议在南阳市召开。市政协主席主持会议。");
        assertThat(p.city().name()).isEqualTo("南阳市");
        assertThat(p.level()).isEqualTo(Place.MUNICIPAL);
    }

    @Test
    void nationalCommittee() {
        Place p = resolve("全国政协召开双周协商座谈会", "全国政协主席主持会议。");
        assertThat(p.level()).isEqualTo(Place.NATIONAL);
        assertThat(p.province()).isNull();
    }

    @Test
    void traditionalTextFoldedToSimplified() {
        Place p = resolve(ChineseScript.toSimplified("巴中市政協港澳臺僑委員會"), ChineseScript.toSimplified("第一批臺灣同胞回到巴中探親。"));
        assertThat(p.city().name()).isEqualTo("巴中市");
        assertThat(p.mentioned()).contains("台湾省");
    }

    @Test
    void mentionsWithEqualEvidenceComeInAStableOrder() {
        Place p = resolve("侨乡记忆", "香港、澳门和台湾的同胞都来了。");
        assertThat(p.mentioned()).containsExactly("台湾省", "澳门特别行政区", "香港特别行政区");
    }

    @Test
    void noEvidenceNoPlace() {
        Place p = resolve("委员履职档案", "委员们积极参加培训，履职能力不断提高。");
        assertThat(p.province()).isNull();
        assertThat(p.city()).isNull();
        assertThat(p.mentioned()).isEmpty();
    }

    @Test
    void aCityReportThatCountsNationalAdoptionsStaysLocal() {
        Place p = resolve("砥砺奋进书写履职答卷", "一年来，市政协常委会履职尽责。召开许昌政协智库会议。\n全国政协采用14篇，市政协采用43篇。");
        assertThat(p.city().name()).isEqualTo("许昌市");
        assertThat(resolve("全国政协召开双周协商座谈会", "全国政协副主席主持会议。").level()).isEqualTo(Place.NATIONAL);
    }

    @Test
    void aCommitteesSeriesNamesThePlaceOfAMemoirAboutElsewhere() {
        Place p = resolve("香港同胞支援抗战的一段往事", "民国二十七年，大批难民涌入香港。\n原载《广东文史资料》第六十五辑");
        assertThat(p.province().name()).isEqualTo("广东省");
        assertThat(resolve("澳门同胞的义举", "澳门同胞设粥棚。\n原载《珠海文史》第十辑").city().name()).isEqualTo("珠海市");
    }

    @Test
    void autonomousDivisionsGoByTheirStemAndLevel() {
        Place p = resolve("八坊清真寺的历史沿革", "临夏州政协文史资料委员会\n八坊的清真寺大多始建于明清时期。");
        assertThat(p.city().name()).isEqualTo("临夏回族自治州");
        assertThat(resolve("北川县政协常委会工作报告", "过去一年，北川县政协聚焦灾后振兴。").county().name()).isEqualTo("北川羌族自治县");
    }

    @Test
    void aCityCommitteePostingAboutOneOfItsCountiesPlacesTheDocumentThere() {
        Place p = enricher.resolve("回忆武乡县抗日民主政府的建立", "一九三七年冬，八路军开进武乡。", List.of("长治市政协网"));
        assertThat(p.city().name()).isEqualTo("长治市");
        assertThat(p.county().name()).isEqualTo("武乡县");
    }
}
