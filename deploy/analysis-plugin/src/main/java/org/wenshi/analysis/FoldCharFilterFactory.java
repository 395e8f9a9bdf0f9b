package org.wenshi.analysis;

import java.io.Reader;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * Registers {@link FoldingCharFilter} with Elasticsearch as the char filter {@code wenshi_fold}, the first
 * step of every analyzer of the index (words, bigrams, exact, index and query side alike).
 *
 * <p>{@link #normalize} folds too, so that prefix and wildcard terms (政協*) meet the folded index. Must keep
 * exactly one public constructor: Elasticsearch instantiates it reflectively and refuses more.
 */
@NamedComponent("wenshi_fold")
public class FoldCharFilterFactory implements CharFilterFactory {

    private final boolean joinHanWhitespace;

    @Inject
    public FoldCharFilterFactory(FoldSettings settings) {
        this.joinHanWhitespace = settings.joinHanWhitespace();
    }

    @Override
    public Reader create(Reader reader) {
        return new FoldingCharFilter(reader, joinHanWhitespace);
    }

    @Override
    public Reader normalize(Reader reader) {
        return create(reader);
    }
}
