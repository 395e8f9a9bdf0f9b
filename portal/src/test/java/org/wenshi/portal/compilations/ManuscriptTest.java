package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManuscriptTest {

    @Test
    void chaptersAreNumberedInChinese() {
        assertThat(Manuscript.chineseNumber(1)).isEqualTo("一");
        assertThat(Manuscript.chineseNumber(10)).isEqualTo("十");
        assertThat(Manuscript.chineseNumber(12)).isEqualTo("十二");
        assertThat(Manuscript.chineseNumber(20)).isEqualTo("二十");
        assertThat(Manuscript.chineseNumber(105)).isEqualTo("一百零五");
        assertThat(Manuscript.chineseNumber(110)).isEqualTo("一百一十");
        assertThat(Manuscript.chapterLabel(3)).isEqualTo("第三章");
    }
}
