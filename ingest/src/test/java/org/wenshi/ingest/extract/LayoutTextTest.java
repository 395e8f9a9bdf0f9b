package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutTextTest {

    @Test
    void joinsFullLinesThatDoNotEndASentence() {
        String raw = "　　委员们分头走访老人，记录航运与码头商号的旧\n事，整理出回忆文章四十余篇。\n　　第一辑于次年付印。\n";
        assertThat(LayoutText.clean(raw)).isEqualTo("委员们分头走访老人，记录航运与码头商号的旧事，整理出回忆文章四十余篇。\n第一辑于次年付印。");
    }

    @Test
    void keepsShortLinesAndSentenceEndsAsParagraphEnds() {
        String raw = "周口文史\n第一辑于次年付印，印数两千册，分送各县。\n第二辑正在编辑之中，预计明年出版发行。";
        assertThat(LayoutText.clean(raw)).isEqualTo(raw);
    }

    @Test
    void removesWhitespaceBetweenHanCharactersOnly() {
        assertThat(LayoutText.clean("政 协　文 史  资料 1983 年 Wenshi Archive")).isEqualTo("政协文史资料 1983 年 Wenshi Archive");
    }

    @Test
    void joinsWrappedLatinWordsWithASpace() {
        String raw = "The committee collected forty memoirs about the river\nport and its merchants in those years.";
        assertThat(LayoutText.clean(raw))
                .isEqualTo(
                        "The committee collected forty memoirs about the river port and its merchants in those years.");
    }

    @Test
    void keepsParagraphsOfABodyWithoutJoiningThem() {
        assertThat(LayoutText.paragraphs("第一段很长很长很长很长很长很长很长，\n第二 段\n\n")).isEqualTo("第一段很长很长很长很长很长很长很长，\n第二段");
    }
}
