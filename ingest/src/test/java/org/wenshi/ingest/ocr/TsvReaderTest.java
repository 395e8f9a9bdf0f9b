package org.wenshi.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsvReaderTest {
    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /** A word row of paragraph {@code par}, line 1. */
    private static String row(int par, int word, int x, String text, double conf) {
        return row(par, 1, word, x, text, conf);
    }

    private static String row(int par, int line, int word, int x, String text, double conf) {
        return "5\t1\t1\t" + par + "\t" + line + "\t" + word + "\t" + x + "\t100\t30\t32\t" + conf + "\t" + text + "\n";
    }

    private static String structure() {
        return "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n" + "4\t1\t1\t1\t1\t0\t100\t100\t400\t32\t-1\t\n";
    }

    @Test
    void joinsHanWordsWithoutSpacesAndKeepsWordOffsetsExact() {
        String tsv = HEADER
                + structure()
                + row(1, 1, 1, 100, "政协", 96)
                + row(1, 1, 2, 160, "文史", 90)
                + row(1, 1, 3, 220, "资料", 84)
                + row(2, 1, 1, 100, "第", 80)
                + row(2, 1, 2, 130, "12", 70)
                + row(2, 1, 3, 170, "辑", 60);

        OcrResult r = TsvReader.read(tsv, 1654, 2339, Ocr.Script.SIMPLIFIED, false);

        assertThat(r.text()).isEqualTo("政协文史资料\n第12辑");
        assertThat(r.words()).hasSize(6);
        for (OcrResult.Word w : r.words()) {
            assertThat(r.text().substring(w.start(), w.end())).isEqualTo(w.text());
        }
        assertThat(r.words().get(3).start()).isEqualTo(7);
        assertThat(r.words().get(1).x()).isEqualTo(160);
        assertThat(r.confidence()).isEqualTo((96 + 90 + 84 + 80 + 70 + 60) / 6.0);
        assertThat(r.width()).isEqualTo(1654);
        assertThat(r.script()).isEqualTo(Ocr.Script.SIMPLIFIED);
    }

    @Test
    void keepsSpacesBetweenLatinWordsAndDropsEmptyAndStructureRows() {
        String tsv = HEADER
                + structure()
                + row(1, 1, 1, 100, "Tesseract", 91)
                + row(1, 1, 2, 300, "5.3", 92)
                + row(1, 1, 3, 400, " ", 95)
                + row(1, 1, 4, 420, "识别", 88)
                + row(2, 1, 1, 100, "OCR", 90)
                + row(2, 1, 2, 200, "text", 90);

        OcrResult r = TsvReader.read(tsv, 800, 600, Ocr.Script.SIMPLIFIED, false);

        assertThat(r.text()).isEqualTo("Tesseract 5.3识别\nOCR text");
        assertThat(r.words()).extracting(OcrResult.Word::text).containsExactly("Tesseract", "5.3", "识别", "OCR", "text");
    }

    @Test
    void makesAsciiPunctuationBesideHanFullWidthWithoutMovingOffsets() {
        String tsv = HEADER
                + structure()
                + row(1, 1, 1, 100, "民國三十六年,", 90)
                + row(1, 1, 2, 300, ";", 80)
                + row(1, 1, 3, 330, "我隨父親", 90)
                + row(1, 1, 4, 400, "(一)", 90)
                + row(1, 1, 5, 450, "1,000", 90)
                + row(1, 1, 6, 500, "打烊.", 90);

        OcrResult r = TsvReader.read(tsv, 800, 600, Ocr.Script.TRADITIONAL, false);

        assertThat(r.text()).isEqualTo("民國三十六年，；我隨父親（一）1,000打烊。");
        for (OcrResult.Word w : r.words()) {
            assertThat(r.text().substring(w.start(), w.end())).isEqualTo(w.text());
        }
    }

    @Test
    void joinsThePrintedLinesOfAParagraphSoPhrasesAcrossLineBreaksStayWhole() {
        String tsv = HEADER
                + structure()
                + row(1, 1, 1, 100, "乡里办了一所农民", 90)
                + row(1, 2, 1, 100, "夜校，教", 90)
                + row(1, 3, 1, 100, "OCR", 90)
                + row(1, 4, 1, 100, "text", 90)
                + row(2, 1, 1, 100, "第二段", 90);

        OcrResult r = TsvReader.read(tsv, 800, 600, Ocr.Script.SIMPLIFIED, false);

        assertThat(r.text()).isEqualTo("乡里办了一所农民夜校，教OCR text\n第二段");
        assertThat(r.words().get(1).start()).isEqualTo(8);
    }

    private static String box(int par, int line, int x, int y, int w, int h, String text) {
        return "5\t1\t1\t" + par + "\t" + line + "\t1\t" + x + "\t" + y + "\t" + w + "\t" + h + "\t90\t" + text + "\n";
    }

    @Test
    void breaksAParagraphAfterAShortLineAndBeforeAnIndentedOneEvenWhenTesseractDoesNot() {
        // One Tesseract paragraph: a centred title, an indented first line, a full line, a short last
        // line, then an indented line. Type is 32 px; the measure runs from x=100 to x=1300.
        String tsv = HEADER
                + structure()
                + box(1, 1, 500, 100, 300, 48, "老街茶館見聞錄")
                + box(1, 2, 164, 200, 1136, 32, "民國三十六年，我隨父親到縣城")
                + box(1, 3, 100, 260, 1200, 32, "東關的老街謀生，在一家")
                + box(1, 4, 100, 320, 400, 32, "茶館當學徒。")
                + box(1, 5, 164, 380, 1136, 32, "來喝茶的人形形色色，")
                + box(1, 6, 100, 440, 1200, 32, "有挑擔的腳夫。");

        OcrResult r = TsvReader.read(tsv, 1400, 2000, Ocr.Script.TRADITIONAL, false);

        assertThat(r.text()).isEqualTo("老街茶館見聞錄\n民國三十六年，我隨父親到縣城東關的老街謀生，在一家茶館當學徒。\n來喝茶的人形形色色，有挑擔的腳夫。");
    }

    @Test
    void onAVerticalPageColumnsArePrintedLinesAndTheirTopsAreTheMargin() {
        // Columns right to left; the second column is indented from the top, the third continues it.
        String tsv = HEADER
                + structure()
                + box(1, 1, 1400, 100, 32, 1800, "民國三十六年我隨父親")
                + box(1, 2, 1340, 164, 32, 1736, "來喝茶的人")
                + box(1, 3, 1280, 100, 32, 600, "形形色色");

        OcrResult r = TsvReader.read(tsv, 1600, 2000, Ocr.Script.VERTICAL_TRADITIONAL, true);

        assertThat(r.text()).isEqualTo("民國三十六年我隨父親\n來喝茶的人形形色色");
    }

    @Test
    void emptyOutputIsAnEmptyPageWithZeroConfidence() {
        OcrResult r = TsvReader.read(HEADER + structure(), 100, 100, Ocr.Script.UNKNOWN, false);

        assertThat(r.text()).isEmpty();
        assertThat(r.words()).isEmpty();
        assertThat(r.confidence()).isZero();
    }

    @Test
    void neverLeavesWhitespaceBetweenTwoHanCharacters() {
        String tsv = HEADER + structure();
        List<String> words = List.of("一", "“", "有事", "好商量", "”", "A", "·", "B", "二〇二四年");
        for (int i = 0; i < words.size(); i++) {
            tsv += row(1, 1, i + 1, 100 + 40 * i, words.get(i), 90);
        }

        OcrResult r = TsvReader.read(tsv, 800, 600, Ocr.Script.SIMPLIFIED, false);

        assertThat(r.text()).isEqualTo("一“有事好商量”A·B二〇二四年");
        assertThat(r.text()).doesNotContainPattern("\\p{IsHan}\\h+\\p{IsHan}");
    }
}
