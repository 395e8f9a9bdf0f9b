package org.wenshi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FoldingCharFilterTest {

    private static String fold(String text) {
        return fold(new FoldingCharFilter(new StringReader(text), true));
    }

    private static String fold(Reader filter) {
        try (Reader reader = filter) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[1024];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void foldsTraditionalToSimplified() {
        assertThat(fold("政協鄭州會議臺灣")).isEqualTo("政协郑州会议台湾");
        assertThat(fold("後來於是發展")).isEqualTo("后来于是发展");
    }

    @Test
    void leavesStandardSimplifiedCharactersThatIcuWouldFold() {
        assertThat(fold("乾隆年间著名的俱乐部")).isEqualTo("乾隆年间著名的俱乐部");
    }

    @Test
    void foldsFullWidthToHalfWidthAndLowercasesLatin() {
        assertThat(fold("ＡＢＣ１２３")).isEqualTo("abc123");
        assertThat(fold("Hello ＷＯＲＬＤ Ünïcode")).isEqualTo("hello world ünïcode");
        assertThat(fold("，！：；？（）［］％＠")).isEqualTo(",!:;?()[]%@");
        assertThat(fold("a\u3000b")).isEqualTo("a b");
        assertThat(fold("￥１００")).isEqualTo("\u00A5100");
    }

    @Test
    void leavesIdeographicPunctuationForTheTokenizer() {
        assertThat(fold("。、《》「」")).isEqualTo("。、《》「」");
    }

    @Test
    void dropsWhitespaceBetweenHanCharacters() {
        assertThat(fold("政 协  工作")).isEqualTo("政协工作");
        assertThat(fold("政\t协\r\n工\u3000作\u00A0会\u200B议")).isEqualTo("政协工作会议");
        assertThat(fold("政 協")).isEqualTo("政协");
    }

    @Test
    void keepsWhitespaceNextToLatinDigitsPunctuationAndTextEdges() {
        assertThat(fold("政协 ABC 2024 年")).isEqualTo("政协 abc 2024 年");
        assertThat(fold("政协， 工作 。会议")).isEqualTo("政协, 工作 。会议");
        assertThat(fold(" 政协 \n")).isEqualTo(" 政协 \n");
        assertThat(fold("ａ　ｂ")).isEqualTo("a b");
    }

    @Test
    void keepsWhitespaceWhenJoiningIsSwitchedOffInTheSettings() {
        FoldCharFilterFactory queryFold = new FoldCharFilterFactory(() -> false);
        assertThat(fold(queryFold.create(new StringReader("政 協  工作")))).isEqualTo("政 协  工作");
    }

    @Test
    void mapsOffsetsAfterDroppedWhitespaceBackToTheOriginal() throws IOException {
        FoldingCharFilter filter = new FoldingCharFilter(new StringReader("政 协  工作"), true);
        assertThat(fold(filter)).isEqualTo("政协工作");
        // output 政协工作 at 0..4; original 政 协  工作: 政 0, 协 2, 工 5, 作 6
        assertThat(filter.correctOffset(0)).isEqualTo(0);
        assertThat(filter.correctOffset(1)).isEqualTo(2);
        assertThat(filter.correctOffset(2)).isEqualTo(5);
        assertThat(filter.correctOffset(3)).isEqualTo(6);
        assertThat(filter.correctOffset(4)).isEqualTo(7);
    }

    @Test
    void passesSupplementaryCharactersThroughWhole() {
        assertThat(fold("𠀀 𠀁 a")).isEqualTo("𠀀𠀁 a");
    }

    /** Every output character comes from the original character its corrected offset points at. */
    @Test
    void matchesReferenceFoldingWithCorrectOffsetsOnRandomTextReadInTinyPieces() throws IOException {
        Map<Integer, Integer> reference = Map.of(
                (int) '協', (int) '协', (int) 'Ａ', (int) 'a', (int) 'B', (int) 'b', 0x3000, (int) ' ', (int) '，',
                (int) ',', (int) '１', (int) '1');
        String alphabet = "政協协aＡB \u3000\n，1１。𠀀";
        int[] symbols = alphabet.codePoints().toArray();
        Random random = new Random(20240501);
        for (int round = 0; round < 200; round++) {
            StringBuilder original = new StringBuilder();
            int length = round < 190 ? random.nextInt(60) : 30_000;
            for (int i = 0; i < length; i++) {
                original.appendCodePoint(symbols[random.nextInt(symbols.length)]);
            }
            String text = original.toString();

            StringBuilder folded = new StringBuilder();
            text.codePoints().forEach(cp -> folded.appendCodePoint(reference.getOrDefault(cp, cp)));
            String expected = joinHan(folded.toString());

            FoldingCharFilter filter = new FoldingCharFilter(new TrickleReader(text, 1 + random.nextInt(5)), true);
            String actual = fold(filter);
            assertThat(actual).as("folding of %s", text).isEqualTo(expected);
            int previous = 0;
            for (int i = 0; i < actual.length(); i += Character.charCount(actual.codePointAt(i))) {
                int source = filter.correctOffset(i);
                assertThat(source).isGreaterThanOrEqualTo(previous);
                int sourceCodePoint = text.codePointAt(source);
                assertThat(reference.getOrDefault(sourceCodePoint, sourceCodePoint))
                        .as("output %d of %s", i, text)
                        .isEqualTo(actual.codePointAt(i));
                previous = source;
            }
            assertThat(filter.correctOffset(actual.length())).isEqualTo(text.length());
        }
    }

    /** Reference: drops each run of spaces and newlines whose neighbours on both sides are Han. */
    private static String joinHan(String folded) {
        int[] cps = folded.codePoints().toArray();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == ' ' || cps[i] == '\n') {
                int before = i - 1;
                int after = i;
                while (after < cps.length && (cps[after] == ' ' || cps[after] == '\n')) {
                    after++;
                }
                boolean between = before >= 0
                        && after < cps.length
                        && Character.UnicodeScript.of(cps[before]) == Character.UnicodeScript.HAN
                        && Character.UnicodeScript.of(cps[after]) == Character.UnicodeScript.HAN;
                if (!between) {
                    for (int k = i; k < after; k++) {
                        joined.appendCodePoint(cps[k]);
                    }
                }
                i = after - 1;
            } else {
                joined.appendCodePoint(cps[i]);
            }
        }
        return joined.toString();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void foldsSeveralMegabytesInLinearTime() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 5_000_000) {
            text.append("政協 委員會 ＡＢＣ １２３，\n有 事 好 商 量。\u3000");
        }
        String folded = fold(text.toString());
        assertThat(folded).startsWith("政协委员会 abc 123,\n有事好商量。 ");

        String spaces = "政" + " ".repeat(5_000_000) + "协";
        assertThat(fold(spaces)).isEqualTo("政协");
    }

    /** A reader that hands out at most a few characters per call, splitting surrogate pairs and runs. */
    private static final class TrickleReader extends FilterReader {
        private final int most;

        TrickleReader(String text, int most) {
            super(new StringReader(text));
            this.most = most;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(len, most));
        }
    }
}
