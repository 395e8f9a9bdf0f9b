package org.wenshi.portal.system;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code elasticsearch} component of {@code /actuator/health}: UP when the cluster answers
 * green or yellow and the index is in place, DOWN when it is unreachable, red or the index is
 * missing. Asks through the asynchronous client, so a health probe never blocks a thread; and
 * never shows the node's URL or credentials.
 */
@Component("elasticsearch")
public class ElasticsearchHealthIndicator implements ReactiveHealthIndicator {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final ElasticsearchAccess access;

    public ElasticsearchHealthIndicator(ElasticsearchAccess access) {
        this.access = access;
    }

    @Override
    public Mono<Health> health() {
        return access.execute("health", c -> c.cluster().health())
                .timeout(PROBE_TIMEOUT)
                .map(h -> {
                    boolean usable = h.status() != HealthStatus.Red && access.indexReady();
                    return (usable ? Health.up() : Health.down())
                            .withDetail("cluster", h.clusterName())
                            .withDetail("status", h.status().jsonValue())
                            .withDetail("index", access.names().alias())
                            .withDetail("indexReady", access.indexReady())
                            .withDetail("state", access.state())
                            .build();
                })
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail(
                                "error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        .withDetail("index", access.names().alias())
                        .withDetail("state", access.state())
                        .build()));
    }
}
