package org.wenshi.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * The word chain of the index in plain Lucene: {@code wenshi_fold} → {@code wenshi_smartcn} →
 * {@code wenshi_drop_punct}, the same as the index definition's {@code wenshi_words} analyzer.
 *
 * <p>Exists to parse the synonym list: each entry must be split into exactly the words a query will be split
 * into, or multi-word entries (中国人民政治协商会议全国委员会) would never match. It must stay identical to
 * the {@code wenshi_words} composition; {@code AnalysisChainsTest} builds that composition from the
 * registered factories and compares.
 */
final class WordChainAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        return new TokenStreamComponents(tokenizer, new PunctuationDroppingFilter(tokenizer));
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingCharFilter(reader, true);
    }
}
