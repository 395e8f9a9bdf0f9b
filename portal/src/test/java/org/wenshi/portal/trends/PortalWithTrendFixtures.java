package org.wenshi.portal.trends;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.TestIndex;

/**
 * The whole portal on a random port over an index of its own on the build's real node, filled with
 * {@link TrendFixtures#documents()}: the base of the trends integration and browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PortalWithTrendFixtures {
    static final List<Map<String, Object>> DOCS = TrendFixtures.documents();
    static TestIndex index;

    @LocalServerPort
    int port;

    PortalTestClient http;

    @BeforeAll
    static void createIndex() throws Exception {
        index = TestIndex.create("it-trends");
        index.index(DOCS);
    }

    @AfterAll
    static void deleteIndex() throws Exception {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("wenshi.es-url", TestIndex::url);
        registry.add("wenshi.index", () -> index.alias());
    }

    @BeforeEach
    void client() {
        http = new PortalTestClient(port);
    }
}
