package org.wenshi.portal;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.wenshi.localdb.DatabaseEndpoint;
import org.wenshi.localdb.testing.TestDatabase;

/**
 * Points every portal a test starts at the build's test PostgreSQL (its own database {@code wenshi}),
 * so that no test ever starts or writes to the managed server of the developer's {@code ~/.wenshi}.
 * Added last: a test that wants a database of its own (PortalWithEditors of the compilations tests) sets {@code
 * wenshi.db.*} itself and wins. Registered in {@code META-INF/spring.factories} of the test classes.
 */
public final class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("wenshi.db.url")) {
            return;
        }
        DatabaseEndpoint db = TestDatabase.endpoint();
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "testDatabase",
                        Map.of(
                                "wenshi.db.url",
                                db.jdbcUrl(),
                                "wenshi.db.user",
                                db.user(),
                                "wenshi.db.password",
                                db.password())));
    }
}
