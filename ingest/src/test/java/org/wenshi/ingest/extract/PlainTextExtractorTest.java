package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {
    private final PlainTextExtractor extractor = new PlainTextExtractor();

    @Test
    void takesTitleFromFirstNonEmptyLineAndKeepsParagraphBreaks() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("txt_utf8.txt"));
        assertThat(e.title()).isEqualTo("南江县政协召开文史资料征集工作座谈会");
        assertThat(e.lines()).hasSize(4);
        assertThat(e.lines().get(1)).startsWith("本报讯").doesNotStartWith("\u3000");
        assertThat(e.text()).doesNotContain("\n\n").doesNotContain("\u3000\u3000");
        assertThat(e.lines().get(3)).isEqualTo("2023年3月14日");
    }

    @Test
    void decodesGbkFile() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("txt_gbk.txt"));
        assertThat(e.title()).isEqualTo("南阳市政协召开文史资料征集工作座谈会");
        assertThat(e.text()).contains("市政协主席在讲话中说");
    }

    @Test
    void decodesBig5FileInTraditionalCharacters() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("txt_big5.txt"));
        assertThat(e.title()).isEqualTo("臺灣同胞回鄉記");
        assertThat(e.text()).contains("兩岸同胞血濃於水").endsWith("一九九零年五月");
    }

    @Test
    void decodesUtf16WithByteOrderMark() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("txt_utf16_bom.txt"));
        assertThat(e.title()).isEqualTo("政协委员履职档案");
    }

    @Test
    void rejectsZeroByteFile() {
        assertThatThrownBy(() -> extractor.extract(new byte[0]))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsBinaryFileWithTxtName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3};
        assertThatThrownBy(() -> extractor.extract(png))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void rejectsFileWithOnlyBlankLines() {
        assertThatThrownBy(() -> extractor.extract(" \n\u3000\n\t\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void readsPublicationLineIntoMetadata() throws Exception {
        byte[] bytes = "政协工作动态\n发布时间：2024-05-14 来源：南阳日报\n正文第一段。".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Extraction e = extractor.extract(bytes);
        assertThat(e.get(Metadata.PUBLISHED)).contains("2024-05-14");
        assertThat(e.get(Metadata.SOURCE)).contains("南阳日报");
    }
}
