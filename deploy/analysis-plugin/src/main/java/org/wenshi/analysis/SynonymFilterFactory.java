package org.wenshi.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Registers a {@link SynonymGraphFilter} over {@link DomainSynonyms} as the token filter
 * {@code wenshi_synonyms}, the last step of the query-side word analyzer: a query for 政协 also finds
 * 人民政协 and 中国人民政治协商会议.
 *
 * <p>Search time only ({@link AnalysisMode#SEARCH_TIME}): a synonym graph cannot be indexed without
 * flattening, and keeping synonyms out of the index means a changed list needs no reindexing. Elasticsearch
 * therefore rejects a mapping that uses an analyzer with this filter as its index {@code analyzer}; use it
 * as {@code search_analyzer}. Exactly one public constructor: Elasticsearch instantiates it reflectively.
 */
@NamedComponent("wenshi_synonyms")
public class SynonymFilterFactory implements TokenFilterFactory {

    private final SynonymMap synonyms;

    @Inject
    public SynonymFilterFactory(SynonymSettings settings) {
        this.synonyms = DomainSynonyms.map(settings.synonyms());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }
}
