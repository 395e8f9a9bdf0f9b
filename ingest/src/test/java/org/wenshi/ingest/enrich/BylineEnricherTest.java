package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylineEnricherTest {
    private final BylineEnricher bylines = new BylineEnricher();

    @Test
    void readsReporterAndCorrespondent() {
        Byline b = bylines.read(List.of("本报讯（记者 韩立新 通讯员 宋春生）5月14日，市政协召开会议。"), null, null, "郑州政协网", "郑州日报");
        assertThat(b.authors()).containsExactly("韩立新", "宋春生");
        assertThat(b.source()).isEqualTo("郑州政协网");
        assertThat(b.publisher()).isEqualTo("郑州日报");
    }

    @Test
    void readsOralHistoryBylineAndSeries() {
        Byline b = bylines.read(List.of("回忆抗战时期的游击队", "《南阳文史资料》第三辑", "王建国 口述　李秀英 整理", "正文"), null, null, null, null);
        assertThat(b.authors()).containsExactly("王建国", "李秀英");
        assertThat(b.series()).isEqualTo("南阳文史资料");
        assertThat(b.volume()).isEqualTo("第三辑");
        assertThat(b.source()).isEqualTo("南阳文史资料");
    }

    @Test
    void readsLabelledAuthorAndEditorsAndIgnoresThisSite() {
        Byline b = bylines.read(List.of("作者：周文华", "正文"), null, "林海燕、郭振华", null, "本站");
        assertThat(b.authors()).containsExactly("周文华");
        assertThat(b.editors()).containsExactly("林海燕", "郭振华");
        assertThat(b.publisher()).isNull();
        assertThat(b.source()).isNull();
    }

    @Test
    void neverTakesNamesFromRunningText() {
        Byline b = bylines.read(List.of("原县政协委员张三口述了当年的情况，大家听得很认真。"), null, null, null, null);
        assertThat(b.authors()).isEmpty();
    }
}
