package org.wenshi.portal.trends;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.wenshi.portal.PortalWithIndex;

/**
 * {@link PortalWithIndex} filled with {@link TrendFixtures#documents()}: the base of the trends
 * integration and browser tests.
 */
abstract class PortalWithTrendFixtures extends PortalWithIndex {
    static final List<Map<String, Object>> DOCS = TrendFixtures.documents();

    @BeforeAll
    static void indexTrendFixtures() throws Exception {
        index.index(DOCS);
    }
}
