package org.wenshi.portal.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The portal's own meters, named once here so that dashboards and alerts have one place to look:
 * {@code wenshi.search} (whole searches, with a percentile histogram), {@code wenshi.elasticsearch}
 * (time spent waiting for Elasticsearch, by operation and outcome, also with a histogram, so that
 * Prometheus can compute its quantiles beside the search's) and {@code wenshi.errors}
 * (error answers by endpoint and code). Meters are registered eagerly so that they are scraped
 * before the first request.
 */
@Component
public class PortalMetrics {
    public static final String SEARCH_TIMER = "wenshi.search";
    public static final String ELASTICSEARCH_TIMER = "wenshi.elasticsearch";
    public static final String ERRORS = "wenshi.errors";

    private final MeterRegistry registry;
    private final Timer search;
    /** The Elasticsearch timers by operation and outcome, looked up once (every search records one). */
    private final Map<String, Timer> elasticsearchTimers = new ConcurrentHashMap<>();

    public PortalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.search = Timer.builder(SEARCH_TIMER)
                .description("Searches answered, from parsed parameters to mapped result")
                .publishPercentileHistogram()
                .register(registry);
        elasticsearchTimer("search", "success");
    }

    public Timer searchTimer() {
        return search;
    }

    public Timer elasticsearchTimer(String operation, String outcome) {
        return elasticsearchTimers.computeIfAbsent(operation + '\n' + outcome, key -> Timer.builder(ELASTICSEARCH_TIMER)
                .description("Time waiting for Elasticsearch")
                .publishPercentileHistogram()
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry));
    }

    public void countError(String endpoint, String code) {
        Counter.builder(ERRORS)
                .description("Error answers")
                .tag("endpoint", endpoint)
                .tag("code", code)
                .register(registry)
                .increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
