package org.wenshi.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Registers Lucene's smartcn {@link HMMChineseTokenizer} (hidden Markov model word segmentation over a
 * simplified-Chinese dictionary) as the tokenizer {@code wenshi_smartcn}: the word field of the index.
 *
 * <p>Exists because the minimal Elasticsearch distribution has no Chinese word tokenizer. smartcn only knows
 * simplified words, so it must always run after {@code wenshi_fold}; it emits punctuation as "," tokens,
 * which {@code wenshi_drop_punct} removes.
 */
@NamedComponent("wenshi_smartcn")
public class SmartcnTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
