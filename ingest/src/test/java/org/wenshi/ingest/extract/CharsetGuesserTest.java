package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetGuesserTest {

    @Test
    void recognizesUtf8WithoutDeclaration() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_utf8.txt"), null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void recognizesGbkAsGb18030WithoutDeclaration() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_gbk.txt"), null)).isEqualTo(CharsetGuesser.GB18030);
    }

    @Test
    void recognizesBig5WithoutDeclaration() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_big5.txt"), null)).isEqualTo(CharsetGuesser.BIG5);
    }

    @Test
    void followsByteOrderMarkOverEverything() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_utf16_bom.txt"), StandardCharsets.UTF_8))
                .isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void ignoresDeclaredUtf8WhenBytesAreGbk() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_gbk.txt"), StandardCharsets.UTF_8))
                .isEqualTo(CharsetGuesser.GB18030);
    }

    @Test
    void ignoresDeclaredLatin1ForChineseBytes() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_gbk.txt"), StandardCharsets.ISO_8859_1))
                .isEqualTo(CharsetGuesser.GB18030);
    }

    @Test
    void ignoresDeclaredGb2312WhenBytesAreUtf8() {
        assertThat(CharsetGuesser.guess(Fixtures.bytes("txt_utf8.txt"), Charset.forName("GB2312")))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void decodesGbkOnlyCharactersDeclaredAsGb2312() {
        byte[] gbk = "镕基与喆的名字".getBytes(Charset.forName("GBK"));
        Charset c = CharsetGuesser.guess(gbk, Charset.forName("GB2312"));
        assertThat(CharsetGuesser.decode(gbk, c)).isEqualTo("镕基与喆的名字");
    }
}
