package org.wenshi.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Registers {@link PunctuationDroppingFilter} as the token filter {@code wenshi_drop_punct}, right after
 * {@code wenshi_smartcn}: full-width or ASCII punctuation must never become a term. The server's own
 * filters cannot do it here: the minimal distribution has no {@code stop} or {@code pattern_replace}.
 */
@NamedComponent("wenshi_drop_punct")
public class DropPunctuationFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PunctuationDroppingFilter(tokenStream);
    }
}
