package org.wenshi.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Registers Lucene's {@link CJKBigramFilter} for Han as the token filter {@code wenshi_cjk_bigram}, to follow
 * the server's {@code standard} tokenizer (one token per Han character): 有事好商量 → 有事 事好 好商 商量, one
 * position apart, so that exact phrases match whatever smartcn thinks the words are.
 *
 * <p>Exists because the minimal distribution lacks analysis-common's {@code cjk_bigram}, although the class
 * is on the server's class path. Unigrams are not emitted, except for a Han character with no Han
 * neighbour. Hiragana, katakana and hangul pass through unchanged.
 */
@NamedComponent("wenshi_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKBigramFilter(tokenStream, CJKBigramFilter.HAN, false);
    }
}
