package org.wenshi.portal.search;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The words that make a sentence a question (什么, 哪一, 谁, 多少, 是否, 有没有, 为什么 …, in both
 * scripts), and sentence-final particles (吗, 呢). A reader who types a question wants the passage
 * that answers it, and the answer does not contain the question's words: left in, they are bigrams
 * the passage lacks (so a natural question failed the share of its wording a document must match,
 * and found nothing), and they are rare in the archive (so any document that happens to contain 哪一
 * scored high). They are cut out of what must match and what scores; the exact sequence as typed
 * still earns its bonus. Measured on real question sets: docs/quality.md ("Real questions").
 *
 * <p>Only compounds are listed where the single character is also part of ordinary words and names
 * (何 in 何香凝, 几 in 几乎): 为何, 何时, 如何 …, 几个, 几年 ….
 */
final class QuestionWords {
    private static final List<String> WORDS = Stream.of(
                    // simplified
                    "为什么",
                    "有没有",
                    "是不是",
                    "什么",
                    "哪一",
                    "哪个",
                    "哪些",
                    "哪里",
                    "哪儿",
                    "哪位",
                    "哪年",
                    "哪",
                    "谁",
                    "多少",
                    "是否",
                    "为何",
                    "如何",
                    "怎样",
                    "怎么",
                    "何时",
                    "何地",
                    "何处",
                    "何种",
                    "何人",
                    "何年",
                    "何以",
                    "几个",
                    "几年",
                    "几位",
                    "几次",
                    "几岁",
                    "几种",
                    "第几",
                    // traditional (only where the form differs)
                    "為什麼",
                    "有沒有",
                    "什麼",
                    "哪個",
                    "哪裡",
                    "哪兒",
                    "誰",
                    "為何",
                    "怎樣",
                    "怎麼",
                    "何處",
                    "何種",
                    "幾個",
                    "幾年",
                    "幾位",
                    "幾次",
                    "幾歲",
                    "幾種",
                    "第幾")
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private QuestionWords() {}

    /**
     * The text with question words and a final 吗/呢 replaced by spaces (so that no bigram spans the
     * cut); the text unchanged when nothing else would be left to search.
     */
    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean cut = false;
        int i = 0;
        while (i < text.length()) {
            String word = wordAt(text, i);
            if (word != null) {
                out.append(' ');
                i += word.length();
                cut = true;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        int end = out.length();
        while (end > 0 && !Character.isLetterOrDigit(out.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && (out.charAt(end - 1) == '吗' || out.charAt(end - 1) == '嗎' || out.charAt(end - 1) == '呢')) {
            out.setCharAt(end - 1, ' ');
            cut = true;
        }
        if (!cut) {
            return text;
        }
        String stripped = out.toString().strip();
        return QueryParser.searchable(stripped) ? stripped : text;
    }

    private static String wordAt(String text, int i) {
        for (String w : WORDS) {
            if (text.startsWith(w, i)) {
                return w;
            }
        }
        return null;
    }
}
