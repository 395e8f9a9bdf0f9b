package org.wenshi.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds text before any tokenizer sees it, so that index and query agree on one spelling of a character:
 * traditional → simplified (政協 → 政协, via {@link TraditionalSimplifiedTable}), full-width → half-width
 * (ＡＢ１２，！ → AB12,! and U+3000 → space), Latin (and other cased) letters → lower case (so no
 * {@code lowercase} filter is needed, which the minimal distribution lacks anyway), and
 * whitespace standing between two Han characters removed ("政 协\n工作" → "政协工作": OCR stray spaces and
 * line breaks inside a paragraph).
 *
 * <p>It exists as a char filter, not a token filter, because smartcn segments words from the characters it
 * is given: 政協 must already be 政协 when the tokenizer runs. Every removal or contraction is recorded as an
 * offset correction, so highlights computed on the folded text map back to the original characters; a
 * removed whitespace run counts towards the end of the Han character before it (a highlight of 政协 in
 * "政 协 文" covers "政 协 "), which keeps the two Han characters adjacent for {@code CJKBigramFilter}.
 * Ideographic punctuation (。、《》) is left for the tokenizers, which drop or split on it.
 *
 * <p>It must never lengthen the text, never look back or ahead further than one whitespace run, and never
 * cost more than linear time and memory: documents are several megabytes long. Whitespace next to anything
 * that is not Han (Latin, digits, punctuation, start and end of text) is kept, only folded.
 */
final class FoldingCharFilter extends BaseCharFilter {

    private static final int CHUNK = 8192;

    /** U+FFE0..U+FFE6 ￠￡￢￣￤￥￦ as their compatibility (NFKC) forms. */
    private static final char[] FULL_WIDTH_SIGNS = {'\u00A2', '\u00A3', '\u00AC', '\u00AF', '\u00A6', '\u00A5', '\u20A9'
    };

    private final TraditionalSimplifiedTable table;
    private final boolean joinHanWhitespace;

    private final char[] in = new char[CHUNK];
    /** A high surrogate that ended the previous chunk, waiting for its low half; -1 if none. */
    private int carriedHighSurrogate = -1;

    private boolean finished;

    private char[] out = new char[CHUNK];
    private int outStart;
    private int outEnd;

    /** Whitespace seen right after a Han character: dropped if Han follows, emitted otherwise. */
    private final StringBuilder held = new StringBuilder();

    private int heldInputOffset;
    /** The last folded non-whitespace code point if nothing came after it yet, else -1. */
    private int previous = -1;

    /** Characters read from the input so far. */
    private int consumed;
    /** Characters handed to the output buffer so far. */
    private int produced;
    /** The cumulative difference input - output last given to {@link #addOffCorrectMap}. */
    private int recordedDiff;

    FoldingCharFilter(Reader input, boolean joinHanWhitespace) {
        this(input, TraditionalSimplifiedTable.instance(), joinHanWhitespace);
    }

    FoldingCharFilter(Reader input, TraditionalSimplifiedTable table, boolean joinHanWhitespace) {
        super(input);
        this.table = table;
        this.joinHanWhitespace = joinHanWhitespace;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (finished) {
                return -1;
            }
            outStart = 0;
            outEnd = 0;
            foldNextChunk();
        }
        int n = Math.min(len, outEnd - outStart);
        System.arraycopy(out, outStart, cbuf, off, n);
        outStart += n;
        return n;
    }

    private void foldNextChunk() throws IOException {
        int start = 0;
        if (carriedHighSurrogate >= 0) {
            in[0] = (char) carriedHighSurrogate;
            carriedHighSurrogate = -1;
            start = 1;
        }
        int read = input.read(in, start, in.length - start);
        if (read < 0) {
            if (start == 1) {
                accept(in[0], 1);
            }
            finish();
            return;
        }
        int limit = start + read;
        if (limit > 0 && Character.isHighSurrogate(in[limit - 1])) {
            carriedHighSurrogate = in[limit - 1];
            limit--;
        }
        for (int i = 0; i < limit; ) {
            int codePoint = Character.codePointAt(in, i, limit);
            int length = Character.charCount(codePoint);
            accept(codePoint, length);
            i += length;
        }
    }

    private void accept(int codePoint, int inputLength) {
        int inputOffset = consumed;
        consumed += inputLength;
        if (isSpace(codePoint)) {
            char space = codePoint == '\u3000' ? ' ' : (char) codePoint;
            if (joinHanWhitespace && (held.length() > 0 || (previous >= 0 && isHan(previous)))) {
                if (held.length() == 0) {
                    heldInputOffset = inputOffset;
                }
                held.append(space);
            } else {
                emit(space, inputOffset);
            }
            previous = -1;
            return;
        }
        int folded = fold(codePoint);
        if (held.length() > 0) {
            if (isHan(folded)) {
                held.setLength(0); // the gap it leaves is recorded by emit(...) below
            } else {
                emitHeld();
            }
        }
        emit(folded, inputOffset);
        previous = folded;
    }

    private void finish() {
        if (held.length() > 0) {
            emitHeld();
        }
        correctFrom(consumed);
        finished = true;
    }

    private void emitHeld() {
        correctFrom(heldInputOffset);
        ensureRoom(held.length());
        held.getChars(0, held.length(), out, outEnd);
        outEnd += held.length();
        produced += held.length();
        held.setLength(0);
    }

    private void emit(int codePoint, int inputOffset) {
        correctFrom(inputOffset);
        ensureRoom(2);
        int length = Character.toChars(codePoint, out, outEnd);
        outEnd += length;
        produced += length;
    }

    /** Records that the next output character comes from {@code inputOffset}, if that changes the mapping. */
    private void correctFrom(int inputOffset) {
        int diff = inputOffset - produced;
        if (diff != recordedDiff) {
            addOffCorrectMap(produced, diff);
            recordedDiff = diff;
        }
    }

    private void ensureRoom(int chars) {
        if (outEnd + chars > out.length) {
            char[] larger = new char[Math.max(out.length * 2, outEnd + chars)];
            System.arraycopy(out, 0, larger, 0, outEnd);
            out = larger;
        }
    }

    private int fold(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint;
        }
        if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
            return fold(codePoint - 0xFEE0);
        }
        if (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) {
            return FULL_WIDTH_SIGNS[codePoint - 0xFFE0];
        }
        int simplified = table.simplify(codePoint);
        if (simplified != codePoint) {
            return simplified;
        }
        if (Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint)) {
            int lower = Character.toLowerCase(codePoint);
            if (Character.charCount(lower) <= Character.charCount(codePoint)) {
                return lower;
            }
        }
        return codePoint;
    }

    /**
     * Whitespace in the widest sense OCR produces: Java whitespace (tab, newlines, ...), Unicode space
     * separators (U+3000, no-break spaces) and the invisible zero-width space and BOM.
     */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || codePoint == '\u200B'
                || codePoint == '\uFEFF';
    }

    static boolean isHan(int codePoint) {
        if (codePoint < 0x2E80) {
            return false;
        }
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
            return true;
        }
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
