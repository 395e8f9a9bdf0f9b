package org.wenshi.portal;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wenshi.localdb.testing.TestDatabase;

/**
 * The real portal started inside a benchmark's or an evaluation's own JVM, on a random port, over an
 * index of the test node and the test PostgreSQL, logging warnings only.
 */
public final class BenchPortal {
    private BenchPortal() {}

    public static ConfigurableApplicationContext start(TestIndex index) {
        return new SpringApplicationBuilder(PortalApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "wenshi.es-url", TestIndex.url(),
                        "wenshi.index", index.alias(),
                        "wenshi.db.url", TestDatabase.endpoint().jdbcUrl(),
                        "wenshi.db.user", TestDatabase.endpoint().user(),
                        "wenshi.db.password", TestDatabase.endpoint().password(),
                        "logging.level.root", "WARN"))
                .run();
    }

    /** The port the started portal listens on. */
    public static int port(ConfigurableApplicationContext portal) {
        return Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
    }
}
