package org.wenshi.ingest.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of one run: sources by format and outcome ({@code wenshi.ingest.sources}),
 * extraction time by format ({@code wenshi.ingest.extraction}) and bulk request time
 * ({@code wenshi.ingest.bulk}). A run writes them into its report and prints a line per format;
 * a long-running deployment can pass its own registry (Prometheus) instead. It never influences
 * what happens to a source.
 */
public final class IngestMetrics {
    private static final String SOURCES = "wenshi.ingest.sources";
    private static final String EXTRACTION = "wenshi.ingest.extraction";
    private static final String BULK = "wenshi.ingest.bulk";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static IngestMetrics simple() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    void recorded(SourceResult result) {
        Counter.builder(SOURCES)
                .description("sources by format and how they ended")
                .tag("format", result.format() == null ? "none" : result.format())
                .tag("outcome", result.outcome().jsonName())
                .register(registry)
                .increment();
    }

    /** Records the time one source spent in extraction and enrichment. */
    public void extracted(String format, long nanos) {
        Timer.builder(EXTRACTION)
                .description("extraction and enrichment time per source")
                .tag("format", format)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one bulk request. */
    public void bulk(long nanos) {
        Timer.builder(BULK).description("bulk request time").register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The sum of the heap pools' peak usage since the JVM started: an upper bound of the peak heap
     * (pools peak at different moments).
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** One line per format: sources, mean and max extraction time. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        registry.find(EXTRACTION).timers().stream()
                .sorted(Comparator.comparing(t -> t.getId().getTag("format")))
                .forEach(t -> b.append(String.format(
                        Locale.ROOT,
                        "extraction %s: %d sources, mean %.1f ms, max %.1f ms%n",
                        t.getId().getTag("format"),
                        t.count(),
                        t.mean(TimeUnit.MILLISECONDS),
                        t.max(TimeUnit.MILLISECONDS))));
        b.append(String.format(
                Locale.ROOT,
                "heap: pools' peaks sum to %.0f MB (an upper bound of the peak), max heap %.0f MB",
                peakHeapBytes() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0));
        return b.toString();
    }

    void write(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("metrics");
        json.writeArrayFieldStart("sources");
        for (Counter c : registry.find(SOURCES).counters()) {
            json.writeStartObject();
            json.writeStringField("format", c.getId().getTag("format"));
            json.writeStringField("outcome", c.getId().getTag("outcome"));
            json.writeNumberField("count", (long) c.count());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("extraction");
        for (Timer t : registry.find(EXTRACTION).timers()) {
            json.writeStartObject();
            json.writeStringField("format", t.getId().getTag("format"));
            json.writeNumberField("count", t.count());
            json.writeNumberField("total_ms", Math.round(t.totalTime(TimeUnit.MILLISECONDS)));
            json.writeNumberField("mean_ms", Math.round(t.mean(TimeUnit.MILLISECONDS) * 10) / 10.0);
            json.writeNumberField("max_ms", Math.round(t.max(TimeUnit.MILLISECONDS) * 10) / 10.0);
            json.writeEndObject();
        }
        json.writeEndArray();
        Timer bulk = registry.find(BULK).timer();
        if (bulk != null) {
            json.writeObjectFieldStart("bulk");
            json.writeNumberField("requests", bulk.count());
            json.writeNumberField("total_ms", Math.round(bulk.totalTime(TimeUnit.MILLISECONDS)));
            json.writeNumberField("max_ms", Math.round(bulk.max(TimeUnit.MILLISECONDS) * 10) / 10.0);
            json.writeEndObject();
        }
        json.writeNumberField("peak_heap_bytes", peakHeapBytes());
        json.writeEndObject();
    }
}
