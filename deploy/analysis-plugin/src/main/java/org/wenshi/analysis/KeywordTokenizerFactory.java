package org.wenshi.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Registers Lucene's {@link KeywordTokenizer} (the whole text as one token) as the tokenizer
 * {@code wenshi_keyword}, for the {@code wenshi_exact} analyzer: folded but unsegmented titles for
 * completion and exact matching.
 *
 * <p>Exists because the minimal Elasticsearch distribution registers no tokenizer but {@code standard}: the
 * {@code keyword} tokenizer lives in analysis-common, which it lacks (only the {@code keyword} analyzer is
 * built in, and an analyzer cannot take a char filter). It has its own name, not {@code keyword}, so that it
 * never collides with analysis-common on a full distribution.
 */
@NamedComponent("wenshi_keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new KeywordTokenizer();
    }
}
