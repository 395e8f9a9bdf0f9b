package org.wenshi.analysis;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * The settings a configured {@code wenshi_synonyms} instance may carry in an index's
 * {@code analysis.filter} section; Elasticsearch implements this interface and injects it.
 *
 * <p>Exists so that an index can add a few synonyms without a new plugin release:
 * {@code {"type": "wenshi_synonyms", "synonyms": ["郑州, 绿城"]}}. The rules are added to the committed list,
 * never replace it. The plain name {@code wenshi_synonyms} means the committed list alone.
 */
@AnalysisSettings
public interface SynonymSettings {

    /** Extra rules in Solr format, one per element. Default: none. */
    @ListSetting(path = "synonyms")
    List<String> synonyms();
}
