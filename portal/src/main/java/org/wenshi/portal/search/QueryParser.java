package org.wenshi.portal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wenshi.portal.search.UserQuery.AnyOf;
import org.wenshi.portal.search.UserQuery.Clause;
import org.wenshi.portal.search.UserQuery.Phrase;
import org.wenshi.portal.search.UserQuery.Scope;
import org.wenshi.portal.search.UserQuery.Term;
import org.wenshi.portal.search.UserQuery.Word;

/**
 * Reads the query language of the contract into a {@link UserQuery}: words, {@code "exact phrase"},
 * {@code -exclude}, {@code -"phrase"}, {@code A OR B}, {@code title:word}, {@code title:"phrase"}.
 *
 * <p>It exists because user text must never be handed to Elasticsearch's own query syntax: this
 * parser accepts <em>any</em> input and never fails. Unbalanced quotes run to the end, stray
 * operators ({@code OR OR -}) are ignored, control characters and symbols (emoji) separate words,
 * and a term without any letter or digit is dropped because no analyzer would index it. Chinese
 * quotation marks ({@code “”「」『』}) and the full-width colon ({@code title：}) are accepted too,
 * as Chinese input methods produce them; quotation marks inside a sentence are part of it
 * ({@link #embedded}). Length limits are the caller's business
 * ({@link SearchCriteria}); the parser itself is linear in the input.
 */
public final class QueryParser {
    private static final String OR = "OR";
    private static final String TITLE_PREFIX = "title";

    private QueryParser() {}

    public static UserQuery parse(String input) {
        if (input == null || input.isBlank()) {
            return UserQuery.EMPTY;
        }
        List<Token> tokens = tokenize(input);
        List<Clause> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean pendingOr = false;
        for (Token token : tokens) {
            if (token.isOr()) {
                pendingOr = !required.isEmpty();
                continue;
            }
            if (!searchable(token.text())) {
                continue;
            }
            Term term =
                    token.phrase() ? new Phrase(token.text(), token.scope()) : new Word(token.text(), token.scope());
            if (token.negated()) {
                excluded.add(term);
                pendingOr = false;
            } else if (pendingOr) {
                Clause last = required.remove(required.size() - 1);
                List<Term> alternatives = new ArrayList<>();
                if (last instanceof AnyOf any) {
                    alternatives.addAll(any.terms());
                } else {
                    alternatives.add((Term) last);
                }
                alternatives.add(term);
                required.add(new AnyOf(alternatives));
                pendingOr = false;
            } else {
                required.add(term);
            }
        }
        return new UserQuery(required, excluded);
    }

    /** One lexical element: a word, a phrase or the operator {@code OR}. */
    private record Token(String text, boolean phrase, boolean negated, Scope scope) {
        boolean isOr() {
            return !phrase && !negated && scope == Scope.ALL && OR.equals(text);
        }
    }

    private static List<Token> tokenize(String input) {
        int[] cps = input.codePoints().map(QueryParser::cleaned).toArray();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = cps.length;
        while (i < n) {
            if (separator(cps[i])) {
                i++;
                continue;
            }
            boolean negated = false;
            if (cps[i] == '-' && i + 1 < n && !separator(cps[i + 1])) {
                negated = true;
                i++;
            }
            Scope scope = Scope.ALL;
            int afterTitle = titlePrefixEnd(cps, i);
            if (afterTitle > i) {
                scope = Scope.TITLE;
                i = afterTitle;
            }
            if (i < n && quote(cps[i]) && !(scope == Scope.ALL && !negated && embedded(cps, i))) {
                int start = ++i;
                while (i < n && !quote(cps[i])) {
                    i++;
                }
                tokens.add(new Token(text(cps, start, i).strip(), true, negated, scope));
                i++; // the closing quote, or past the end for an unbalanced one
            } else {
                // A word runs to the next space; quotation marks inside it are part of the sentence.
                int start = i;
                while (i < n && !separator(cps[i])) {
                    i++;
                }
                tokens.add(new Token(text(cps, start, i), false, negated, scope));
            }
        }
        return tokens;
    }

    /**
     * Whether the quotation opening at {@code open} is part of a sentence rather than the phrase
     * operator: its closing mark is followed directly by more text ({@code 「北国江南」指哪个城市}). A
     * quotation typed as a term of its own, set off by spaces or ending the query, is the operator. In
     * Chinese prose quotation marks set off names and citations, which a question paraphrases rather
     * than copies; requiring them exactly found nothing for real questions (docs/quality.md).
     */
    private static boolean embedded(int[] cps, int open) {
        int close = open + 1;
        while (close < cps.length && !quote(cps[close])) {
            close++;
        }
        return close + 1 < cps.length && !separator(cps[close + 1]);
    }

    /** End of a {@code title:} prefix starting at {@code i}, or {@code i} when there is none. */
    private static int titlePrefixEnd(int[] cps, int i) {
        int end = i + TITLE_PREFIX.length();
        if (end >= cps.length) {
            return i;
        }
        String head = text(cps, i, end).toLowerCase(Locale.ROOT);
        if (!head.equals(TITLE_PREFIX) || (cps[end] != ':' && cps[end] != '：')) {
            return i;
        }
        int after = end + 1;
        return after < cps.length && !separator(cps[after]) ? after : i;
    }

    private static String text(int[] cps, int from, int to) {
        return new String(cps, from, Math.max(0, to - from));
    }

    /**
     * Control and format characters, unpaired surrogates, unassigned and private-use code points,
     * symbols (emoji among them) and variation selectors become spaces: no analyzer indexes them,
     * and a term containing them could never match.
     */
    private static int cleaned(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.OTHER_SYMBOL,
                    Character.MODIFIER_SYMBOL -> {
                return ' ';
            }
            default -> {
                boolean variationSelector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
                return variationSelector ? ' ' : cp;
            }
        }
    }

    private static boolean separator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean quote(int cp) {
        return cp == '"' || cp == '“' || cp == '”' || cp == '＂' || cp == '「' || cp == '」' || cp == '『' || cp == '』';
    }

    /** A term an analyzer can index: at least one letter or digit (Han characters are letters). */
    static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
