package org.wenshi.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The CPPCC domain synonyms ({@code synonyms.txt} next to this class, Solr format) compiled into a Lucene
 * {@link SynonymMap}, parsed through {@link WordChainAnalyzer} so that entries are folded and segmented the
 * way queries are.
 *
 * <p>Exists so the list is parsed once per node, not once per index or per query: the default map is built
 * on first use and shared (a {@code SynonymMap} is immutable). Extra rules from an index's settings get a map
 * of their own. A broken entry fails loudly with its line number; it is never skipped.
 */
final class DomainSynonyms {

    static final String RESOURCE = "synonyms.txt";

    private DomainSynonyms() {}

    /** The committed list, plus {@code extraRules} (Solr-format lines) when there are any. */
    static SynonymMap map(List<String> extraRules) {
        return extraRules.isEmpty() ? Default.MAP : build(extraRules);
    }

    private static final class Default {
        static final SynonymMap MAP = build(List.of());
    }

    private static SynonymMap build(List<String> extraRules) {
        try (Analyzer analyzer = new WordChainAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            try (Reader committed = openResource()) {
                parser.parse(committed);
            } catch (ParseException e) {
                throw new IllegalStateException(RESOURCE + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
            }
            if (!extraRules.isEmpty()) {
                try {
                    parser.parse(new StringReader(String.join("\n", extraRules)));
                } catch (ParseException e) {
                    throw new IllegalArgumentException(
                            "synonyms setting, rule " + e.getErrorOffset() + ": " + e.getMessage(), e);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build synonyms from " + RESOURCE, e);
        }
    }

    private static Reader openResource() {
        InputStream in = DomainSynonyms.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(
                    "missing resource " + RESOURCE + " next to " + DomainSynonyms.class.getName());
        }
        return new InputStreamReader(in, UTF_8);
    }
}
