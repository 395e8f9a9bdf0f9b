package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.document.MarkedText.Range;

class PageWordsTest {

    @Test
    void boxesAreTheWordsThatAHitTouches() {
        PageWords words = PageWords.parse("""
                {"width":100,"height":200,"words":[
                 {"text":"政协","x":1,"y":2,"w":3,"h":4,"start":0,"end":2},
                 {"text":"委员","x":5,"y":6,"w":7,"h":8,"start":2,"end":4},
                 {"text":"会","x":9,"y":9,"w":9,"h":9,"start":4,"end":5}]}""".getBytes(StandardCharsets.UTF_8));
        assertThat(words.measured()).isTrue();
        assertThat(words.boxes(List.of(new Range(1, 3))))
                .containsExactly(new PageWords.Box(1, 2, 3, 4), new PageWords.Box(5, 6, 7, 8));
        assertThat(words.boxes(List.of())).isEmpty();
    }

    @Test
    void brokenOrPartialFilesGiveWhatTheyCan() {
        assertThat(PageWords.parse("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(PageWords.NONE);
        PageWords partial =
                PageWords.parse("{\"words\":[{\"x\":1},{\"x\":1,\"y\":1,\"w\":1,\"h\":1,\"start\":0,\"end\":1}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(partial.words()).hasSize(1);
        assertThat(partial.measured()).isFalse();
    }
}
