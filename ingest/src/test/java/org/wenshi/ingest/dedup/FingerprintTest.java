package org.wenshi.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wenshi.ingest.extract.ChineseScript;

class FingerprintTest {
    static final String REPORT = String.join(
            "\n",
            "政协示例县委员会常务委员会工作报告",
            "过去一年，县政协常委会坚持围绕中心、服务大局，全年召开常委会议六次。",
            "围绕乡村振兴开展专题协商，形成协商报告三篇，提出建议四十余条。",
            "全年收到提案二百余件，经审查立案一百八十件，办结率百分之百。",
            "报送社情民意信息三百余篇，被市政协采用四十篇。",
            "县政协还编印文史资料一辑，收录老同志亲历的水利建设史料。");

    @Test
    void aTraditionalCharacterReprintWithOtherPunctuationHasTheSameSignature() {
        String reprint = ChineseScript.toTraditional(REPORT).replace('，', ',').replace("。", "．\n");
        assertThat(Fingerprint.of(reprint).similarity(Fingerprint.of(REPORT))).isEqualTo(1.0);
    }

    @Test
    void aReprintMissingAParagraphStaysAboveTheThreshold() {
        String shorter = REPORT.replace("报送社情民意信息三百余篇，被市政协采用四十篇。\n", "");
        assertThat(Fingerprint.of(shorter).similarity(Fingerprint.of(REPORT)))
                .isGreaterThanOrEqualTo(ReprintGroups.SIMILAR);
    }

    @Test
    void aLineBrokenInsideASentenceIsJoinedBack() {
        String broken = REPORT.replace("形成协商报告三篇，", "形成协商报告三篇，\n");
        assertThat(Fingerprint.of(broken).similarity(Fingerprint.of(REPORT))).isEqualTo(1.0);
    }

    @Test
    void anotherYearsReportOfTheSameCommitteeIsFarBelowTheThreshold() {
        String other = String.join(
                "\n",
                "政协示例县委员会常务委员会工作报告",
                "二〇二三年，县政协常委会深入开展主题教育，举办读书班两期。",
                "围绕县域经济发展开展调研协商，提出建议六十余条。",
                "全年立案提案一百五十件，报送社情民意信息二百余篇。",
                "县政协加强委员队伍建设，完善履职档案。");
        assertThat(Fingerprint.of(other).similarity(Fingerprint.of(REPORT))).isLessThan(0.2);
    }

    @Test
    void aTextOfFewSentencesIsNotComparedAndHasNoBands() {
        Fingerprint f = Fingerprint.of("标题\n一句话。");
        assertThat(f.comparable()).isFalse();
        assertThat(f.bands()).isEmpty();
        assertThat(f.similarity(f)).isZero();
    }

    @Test
    void aStoredSignatureGivesTheSameBands() {
        Fingerprint f = Fingerprint.of(REPORT);
        assertThat(Fingerprint.of(f.minhash(), f.sentences()).bands())
                .isEqualTo(f.bands())
                .hasSize(Fingerprint.BANDS);
    }
}
