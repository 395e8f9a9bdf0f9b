package org.wenshi.ingest.extract;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to simplified characters (ICU's {@code Traditional-Simplified} transform), so that
 * label and boilerplate patterns, gazetteer names and theme keywords match 臺灣 as 台湾, 來源 as 来源
 * and 民國 as 民国. It exists so every stage folds the same way; it never touches the stored text,
 * which keeps the source's own characters.
 */
public final class ChineseScript {
    /** The {@code script} field value for mainly traditional text. */
    public static final String TRADITIONAL = "traditional";
    /** The {@code script} field value for simplified (or script-neutral) text. */
    public static final String SIMPLIFIED = "simplified";

    // Transliterator instances are not safe for concurrent use: one per thread.
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ChineseScript() {}

    /** {@code text} in simplified characters. */
    public static String toSimplified(String text) {
        return TO_SIMPLIFIED.get().transliterate(text);
    }

    /** {@code text} in traditional characters (used by the sample generator). */
    public static String toTraditional(String text) {
        return TO_TRADITIONAL.get().transliterate(text);
    }

    /**
     * {@link #TRADITIONAL} when a noticeable share of the Han characters of {@code text} change
     * when folded to simplified, else {@link #SIMPLIFIED}.
     */
    public static String scriptOf(String text, String simplified) {
        int han = 0;
        int changed = 0;
        int n = Math.min(text.length(), simplified.length());
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (c != simplified.charAt(i)) {
                    changed++;
                }
            }
        }
        return han > 0 && changed >= 3 && changed * 100 >= han * 3 ? TRADITIONAL : SIMPLIFIED;
    }
}
