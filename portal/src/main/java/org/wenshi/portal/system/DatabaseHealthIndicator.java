package org.wenshi.portal.system;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code database} component of {@code /actuator/health}: UP when the schema is migrated and a
 * {@code SELECT 1} answers; otherwise {@value #DEGRADED}, with what the startup task is doing. Not
 * DOWN: only the editors' part needs the database, readers search and read without it, so a portal
 * whose database is away must stay in its load balancer (DEGRADED answers HTTP 200, and ranks below
 * DOWN: an unreachable Elasticsearch still makes the whole portal DOWN). Never shows the password.
 */
@Component("database")
public class DatabaseHealthIndicator implements ReactiveHealthIndicator {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final String DEGRADED = "DEGRADED";

    private final DatabaseAccess access;
    private final DatabaseClient db;

    public DatabaseHealthIndicator(DatabaseAccess access, DatabaseClient db) {
        this.access = access;
        this.db = db;
    }

    @Override
    public Mono<Health> health() {
        return db.sql("SELECT 1")
                .map(row -> 1)
                .first()
                .timeout(PROBE_TIMEOUT)
                .map(one -> Health.up().withDetail("state", access.state()).build())
                .onErrorResume(e -> Mono.just(Health.status(DEGRADED)
                        .withDetail("state", access.state())
                        .withDetail(
                                "error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        .build()));
    }
}
