package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeClassifierTest {
    private final TypeClassifier types = new TypeClassifier();

    @Test
    void recognizesTheGenres() {
        assertThat(types.classify("政协南阳市第七届委员会常务委员会工作报告", "各位委员：", false)).isEqualTo(TypeClassifier.WORK_REPORT);
        assertThat(types.classify("关于缓解城区停车难的提案", "提案人：王建国", false)).isEqualTo(TypeClassifier.PROPOSAL);
        assertThat(types.classify("关于农村垃圾收运的社情民意信息", "反映人：李敏", false)).isEqualTo(TypeClassifier.PUBLIC_OPINION);
        assertThat(types.classify("回忆抗战时期的游击队", "张三 口述 李四 整理", false)).isEqualTo(TypeClassifier.MEMOIR);
        assertThat(types.classify("民国二十六年县政概况（节录）", "《南阳文史资料》第三辑\n编者按", false)).isEqualTo(TypeClassifier.HISTORY);
        assertThat(types.classify("南阳市政协召开专题协商会", "本报讯（记者 王敏）5月14日", true)).isEqualTo(TypeClassifier.NEWS);
        assertThat(types.classify("通知", "请各单位按时参加。", false)).isEqualTo(TypeClassifier.OTHER);
    }

    @Test
    void recognizesReadingsSummariesSignedArticlesMinutesAndNotices() {
        assertThat(types.classify("凝心聚力谋发展", "凝心聚力谋发展\n——市政协常委会工作报告解读\n1月9日，会议开幕。", false))
                .isEqualTo(TypeClassifier.REPORT_READING);
        assertThat(types.classify("区政协五年工作综述", "五年来，区政协聚焦发展。", true)).isEqualTo(TypeClassifier.SUMMARY);
        assertThat(types.classify("在新征程上展现政协新作为", "在新征程上展现政协新作为\n江门市政协主席 梁永康\n做好新时代政协工作。", false))
                .isEqualTo(TypeClassifier.SIGNED_ARTICLE);
        assertThat(types.classify("遵义市政协主席会议纪要", "会议时间：2024年5月16日", false)).isEqualTo(TypeClassifier.MINUTES);
        assertThat(types.classify("关于印发2025年度协商计划的通知", "各县市政协：", false)).isEqualTo(TypeClassifier.OTHER);
    }

    @Test
    void aFirstPersonAccountOfThePastIsAMemoirAndACommitteesEditionIsHistory() {
        assertThat(types.classify("我所知道的汉口商会", "我所知道的汉口商会\n陈伯良\n1927年，我进汉口一家绸布庄当学徒。", false))
                .isEqualTo(TypeClassifier.MEMOIR);
        assertThat(types.classify(
                        "民国三十年宜昌县政概况（节录）", "民国三十年宜昌县政概况（节录）\n《宜昌文史资料》第二十九辑\n政协宜昌市委员会文史资料委员会编\n民国三十年，本县共辖三区。", false))
                .isEqualTo(TypeClassifier.HISTORY);
    }

    @Test
    void aReportThatCountsOpinionsIsStillNews() {
        assertThat(types.classify("四川省政协全会开幕", "新华社成都1月19日电 全年报送社情民意信息5100余篇。", false))
                .isEqualTo(TypeClassifier.NEWS);
    }
}
