package org.wenshi.portal.search;

import java.util.List;

/**
 * What a user's query text means, independent of Elasticsearch: the clauses a document must
 * satisfy and the terms it must not contain. Built only by {@link QueryParser}, so user text never
 * reaches Elasticsearch as query syntax. An empty query browses everything.
 *
 * @param required clauses that must match (plain words are matched leniently, see the builder)
 * @param excluded terms a document must not contain
 */
public record UserQuery(List<Clause> required, List<Term> excluded) {
    public static final UserQuery EMPTY = new UserQuery(List.of(), List.of());

    public UserQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
    }

    /** Nothing to search for: every document matches (before filters). */
    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /** The number of terms, counting every alternative; bounded by the parameter validation. */
    public int termCount() {
        int n = excluded.size();
        for (Clause c : required) {
            n += c instanceof AnyOf any ? any.terms().size() : 1;
        }
        return n;
    }

    /** Where a term is looked for. */
    public enum Scope {
        /** Title and text. */
        ALL,
        /** Only the title ({@code title:}). */
        TITLE
    }

    /** One element of {@link #required}: a term, or alternatives of which one must match. */
    public sealed interface Clause permits Term, AnyOf {}

    /** A word or a phrase with the place it is looked for. */
    public sealed interface Term extends Clause permits Word, Phrase {
        String text();

        Scope scope();
    }

    /** Text between spaces; Chinese text without spaces is one word that the analyzers split. */
    public record Word(String text, Scope scope) implements Term {}

    /** Text in quotes: its characters must appear exactly in this order. */
    public record Phrase(String text, Scope scope) implements Term {}

    /** {@code A OR B OR C}: at least one of the terms. */
    public record AnyOf(List<Term> terms) implements Clause {
        public AnyOf {
            terms = List.copyOf(terms);
        }
    }
}
