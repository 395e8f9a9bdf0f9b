package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    @Test
    void readsYearsDigitByDigit() {
        assertThat(ChineseNumerals.yearDigits("二〇二四")).hasValue(2024);
        assertThat(ChineseNumerals.yearDigits("一九三七")).hasValue(1937);
        assertThat(ChineseNumerals.yearDigits("一九九零")).hasValue(1990);
        assertThat(ChineseNumerals.yearDigits("二十")).isEmpty();
    }

    @Test
    void readsPositionalNumbers() {
        assertThat(ChineseNumerals.small("十二")).hasValue(12);
        assertThat(ChineseNumerals.small("二十六")).hasValue(26);
        assertThat(ChineseNumerals.small("廿三")).hasValue(23);
        assertThat(ChineseNumerals.small("卅一")).hasValue(31);
        assertThat(ChineseNumerals.small("十")).hasValue(10);
        assertThat(ChineseNumerals.small("元")).hasValue(1);
        assertThat(ChineseNumerals.small("正")).hasValue(1);
        assertThat(ChineseNumerals.small("14")).hasValue(14);
        assertThat(ChineseNumerals.small("五")).hasValue(5);
        assertThat(ChineseNumerals.small("万")).isEmpty();
    }
}
