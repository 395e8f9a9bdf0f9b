package org.wenshi.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The four analyzers of the index definition, composed from the registered factories the way
 * Elasticsearch composes a {@code "type": "custom"} analyzer (char filters, tokenizer, filters in order),
 * so that the unit tests exercise the same chains as the server without starting one.
 */
final class Chains {

    static final CharFilterFactory FOLD = new FoldCharFilterFactory(() -> true);
    static final Supplier<Tokenizer> SMARTCN = new SmartcnTokenizerFactory()::create;
    static final TokenFilterFactory DROP_PUNCT = new DropPunctuationFilterFactory();
    static final TokenFilterFactory SYNONYMS = new SynonymFilterFactory(List::of);
    static final TokenFilterFactory CJK_BIGRAM = new CjkBigramFilterFactory();

    /** {@code wenshi_words}: wenshi_fold, wenshi_smartcn, wenshi_drop_punct. */
    static final Analyzer WORDS = custom(FOLD, SMARTCN, DROP_PUNCT);
    /** {@code wenshi_words_search}: wenshi_fold, wenshi_smartcn, wenshi_drop_punct, wenshi_synonyms. */
    static final Analyzer WORDS_SEARCH = custom(FOLD, SMARTCN, DROP_PUNCT, SYNONYMS);
    /** {@code wenshi_bigrams}: wenshi_fold, standard, wenshi_cjk_bigram. */
    static final Analyzer BIGRAMS = custom(FOLD, StandardTokenizer::new, CJK_BIGRAM);
    /** {@code wenshi_exact}: wenshi_fold, wenshi_keyword. */
    static final Analyzer EXACT = custom(FOLD, new KeywordTokenizerFactory()::create);

    private Chains() {}

    static Analyzer custom(CharFilterFactory charFilter, Supplier<Tokenizer> tokenizer, TokenFilterFactory... filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                TokenStream stream = source;
                for (TokenFilterFactory filter : filters) {
                    stream = filter.create(stream);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilter.create(reader);
            }
        };
    }

    /** One token as {@code _analyze} reports it. */
    record Token(String term, int start, int end, int position, int positionLength) {}

    static List<Token> analyze(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(
                        term.toString(),
                        offset.startOffset(),
                        offset.endOffset(),
                        position,
                        length.getPositionLength()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return analyze(analyzer, text).stream().map(Token::term).toList();
    }
}
