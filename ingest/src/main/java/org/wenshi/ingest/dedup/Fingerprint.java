package org.wenshi.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wenshi.ingest.extract.ChineseScript;

/**
 * A text's MinHash signature over its sentences, and the locality-sensitive band keys derived from
 * it. Sentences are folded first (simplified characters, full-width to half-width, punctuation and
 * blanks dropped), so a traditional-character reprint or one with different punctuation has the same
 * sentences; a line broken inside a sentence is joined back. Sentences rather than character
 * shingles: documents written from the same templates or set phrases share many short character
 * sequences but few whole sentences, while a reprint keeps nearly all of them. Two signatures
 * estimate the Jaccard similarity of the sentence sets; documents that share a band key are
 * candidates worth comparing. It never compares texts itself.
 *
 * @param minhash {@link #HASHES} minimum hash values
 * @param bands {@link #BANDS} keys, {@code b<band>_<hex>}
 * @param sentences the number of distinct sentences the text has
 */
public record Fingerprint(int[] minhash, List<String> bands, int sentences) {
    public static final int HASHES = 128;
    public static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    /** Below this many sentences a text is too short for a similarity to mean anything. */
    static final int MIN_SENTENCES = 3;
    /** Shorter folded sentences (headings like 一、, 各位委员) are left out. */
    static final int MIN_SENTENCE = 4;
    /** A longer line that does not end a sentence was broken inside one. */
    private static final int BROKEN_LINE = 25;

    private static final long[] SEEDS_A = new long[HASHES];
    private static final long[] SEEDS_B = new long[HASHES];

    static {
        // Fixed seeds: signatures stored in the index must stay comparable across runs and builds.
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS_A[i] = x | 1;
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS_B[i] = x;
        }
    }

    public Fingerprint {
        minhash = minhash.clone();
        bands = List.copyOf(bands);
    }

    @Override
    public int[] minhash() {
        return minhash.clone();
    }

    /** True when the text was long enough to compare. */
    public boolean comparable() {
        return sentences >= MIN_SENTENCES;
    }

    /** The fingerprint of {@code text} (any script). */
    public static Fingerprint of(String text) {
        long[] hashes = sentenceHashes(text);
        int[] sig = new int[HASHES];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long h : hashes) {
            for (int i = 0; i < HASHES; i++) {
                int v = (int) ((mix(h * SEEDS_A[i] + SEEDS_B[i]) >>> 33));
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return of(sig, hashes.length);
    }

    /** A fingerprint from a stored signature. */
    public static Fingerprint of(int[] minhash, int sentences) {
        if (minhash.length != HASHES) {
            throw new IllegalArgumentException("a signature has " + HASHES + " values, got " + minhash.length);
        }
        List<String> bands = new ArrayList<>(BANDS);
        if (sentences >= MIN_SENTENCES) {
            for (int b = 0; b < BANDS; b++) {
                long h = 0x51_7C_C1_B7_27_22_0A_95L + b;
                for (int r = 0; r < ROWS; r++) {
                    h = mix(h ^ minhash[b * ROWS + r]);
                }
                bands.add("b" + b + "_" + Long.toHexString(h));
            }
        }
        return new Fingerprint(minhash, bands, sentences);
    }

    /** The estimated Jaccard similarity of the two texts' sentence sets, 0 when either is too short. */
    public double similarity(Fingerprint other) {
        if (!comparable() || !other.comparable()) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minhash[i] == other.minhash[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    static String fold(String text) {
        String s = ChineseScript.toSimplified(text);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int c = cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return out.toString();
    }

    private static long[] sentenceHashes(String text) {
        String simplified = ChineseScript.toSimplified(text);
        StringBuilder joined = new StringBuilder(simplified.length());
        for (String line : simplified.split("\n")) {
            String l = line.strip();
            joined.append(l);
            char last = l.isEmpty() ? '。' : l.charAt(l.length() - 1);
            boolean ends = SENTENCE_END.indexOf(last) >= 0;
            boolean broken = MID_SENTENCE.indexOf(last) >= 0 || l.length() > BROKEN_LINE && !ends;
            if (!broken) {
                joined.append('\n');
            }
        }
        List<Long> out = new ArrayList<>();
        for (String sentence : joined.toString().split("[" + SENTENCE_END + "\n]")) {
            String folded = fold(sentence);
            if (folded.codePointCount(0, folded.length()) < MIN_SENTENCE) {
                continue;
            }
            long h = 0xCBF29CE484222325L;
            for (int i = 0; i < folded.length(); i++) {
                h = (h ^ folded.charAt(i)) * 0x100000001B3L;
            }
            out.add(mix(h));
        }
        return out.stream().mapToLong(Long::longValue).distinct().toArray();
    }

    private static final String SENTENCE_END = "。！？!?；;";
    private static final String MID_SENTENCE = "，,、：:“《（(";

    /** SplitMix64's finalizer: a good 64-bit mixer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && sentences == f.sentences && Arrays.equals(minhash, f.minhash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minhash) + sentences;
    }

    @Override
    public String toString() {
        return "Fingerprint[sentences=" + sentences + ", bands=" + bands.size() + "]";
    }
}
