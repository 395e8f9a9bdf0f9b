package org.wenshi.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes tokens without a single letter or number: punctuation, symbols and whitespace never become
 * terms. Exists because smartcn emits every punctuation mark (，。《》, and after folding , . ! ?) as a token
 * of its own. The removed token leaves a position gap, as Lucene's stop filters do, so a phrase does not
 * match across a sentence break.
 */
final class PunctuationDroppingFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    PunctuationDroppingFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; ) {
            int codePoint = Character.codePointAt(buffer, i, length);
            if (isLetterOrNumber(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
