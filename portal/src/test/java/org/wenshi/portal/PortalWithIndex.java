package org.wenshi.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole portal on a random port, searching an index of its own on the build's real node, created
 * empty before the class and deleted after it. Subclasses fill it in their own {@code @BeforeAll}
 * (JUnit runs this class's first): {@link PortalWithFixtures}, the trends tests' fixtures. Each test
 * class gets a fresh index and a fresh application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class PortalWithIndex {
    protected static TestIndex index;

    @LocalServerPort
    protected int port;

    protected PortalTestClient http;

    @BeforeAll
    static void createIndex() throws Exception {
        index = TestIndex.create("it-portal");
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
