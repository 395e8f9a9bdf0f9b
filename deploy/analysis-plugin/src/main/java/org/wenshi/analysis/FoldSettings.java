package org.wenshi.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * The settings a configured {@code wenshi_fold} instance may carry in an index's
 * {@code analysis.char_filter} section; Elasticsearch implements this interface and injects it.
 *
 * <p>Exists so that a search-side analyzer can keep the whitespace a user typed between Chinese words
 * ({@code {"type": "wenshi_fold", "join_han_whitespace": false}}) while documents still get OCR stray spaces
 * removed. The plain name {@code wenshi_fold} always means the defaults below.
 */
@AnalysisSettings
public interface FoldSettings {

    /** Whether whitespace between two Han characters is removed. Default {@code true}. */
    @BooleanSetting(path = "join_han_whitespace", defaultValue = true)
    boolean joinHanWhitespace();
}
