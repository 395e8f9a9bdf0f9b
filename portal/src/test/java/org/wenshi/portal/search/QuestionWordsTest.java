package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionWordsTest {

    @Test
    void questionWordsAreCutOutSoThatNoBigramSpansTheCut() {
        assertThat(QuestionWords.strip("林默娘得年多少？")).isEqualTo("林默娘得年 ？");
        assertThat(QuestionWords.strip("白矮星与哪一星球的体积差不多？")).isEqualTo("白矮星与 星球的体积差不多？");
        assertThat(QuestionWords.strip("約克縣在什麼時間之後就不包含多倫多了？")).isEqualTo("約克縣在 時間之後就不包含多倫多了？");
        assertThat(QuestionWords.strip("为什么要设立文史资料委员会")).isEqualTo("要设立文史资料委员会");
        assertThat(QuestionWords.strip("有沒有關於香港往事的回憶文章")).isEqualTo("關於香港往事的回憶文章");
    }

    @Test
    void aFinalParticleIsCut() {
        assertThat(QuestionWords.strip("政协成立于1949年吗？")).isEqualTo("政协成立于1949年 ？");
        assertThat(QuestionWords.strip("文史资料在哪里呢")).isEqualTo("文史资料在");
    }

    @Test
    void ordinaryWordsAndNamesAreLeftAlone() {
        assertThat(QuestionWords.strip("政协文史资料")).isEqualTo("政协文史资料");
        assertThat(QuestionWords.strip("何香凝的回忆")).isEqualTo("何香凝的回忆");
        assertThat(QuestionWords.strip("几乎无人知晓")).isEqualTo("几乎无人知晓");
        assertThat(QuestionWords.strip("吗啡禁令")).isEqualTo("吗啡禁令");
    }

    @Test
    void aQueryOfQuestionWordsAloneIsKept() {
        assertThat(QuestionWords.strip("什么")).isEqualTo("什么");
        assertThat(QuestionWords.strip("谁？")).isEqualTo("谁？");
    }
}
