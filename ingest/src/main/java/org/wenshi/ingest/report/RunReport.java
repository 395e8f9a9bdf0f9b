package org.wenshi.ingest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of one run, written as the run goes (a million sources never sit in memory): the
 * run's parameters, one entry per source with its outcome and the reason for skipped and failed
 * ones, then the counts. Lives at {@code $WENSHI_HOME/reports/ingest-<timestamp>.json}. Safe to
 * call from several threads. It never leaves a source out: {@link #record} is the only way a
 * source is counted.
 */
public final class RunReport implements AutoCloseable {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final JsonGenerator json;
    private final Counts counts = new Counts();
    private final IngestMetrics metrics = IngestMetrics.simple();
    private final Instant started;
    private boolean closed;

    private RunReport(Path file, JsonGenerator json, Instant started) {
        this.file = file;
        this.json = json;
        this.started = started;
    }

    /** Opens a new report under {@code reportsDir} and writes the run's parameters. */
    public static RunReport create(Path reportsDir, Instant started, Map<String, Object> run) {
        try {
            Files.createDirectories(reportsDir);
            String base = "ingest-" + STAMP.format(started);
            Path file = reportsDir.resolve(base + ".json");
            for (int n = 1; Files.exists(file); n++) {
                file = reportsDir.resolve(base + "-" + n + ".json");
            }
            JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("started_at", started.toString());
            for (Map.Entry<String, Object> e : run.entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeArrayFieldStart("sources");
            return new RunReport(file, g, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run report under " + reportsDir, e);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value.toString());
        }
    }

    public Path file() {
        return file;
    }

    public Counts counts() {
        return counts;
    }

    /** The run's meters: sources by format and outcome, extraction and bulk times. */
    public IngestMetrics metrics() {
        return metrics;
    }

    /** Records how one source ended. */
    public synchronized void record(SourceResult result) {
        counts.add(result.outcome());
        metrics.recorded(result);
        try {
            json.writeStartObject();
            json.writeStringField("source", result.source());
            if (result.format() != null) {
                json.writeStringField("format", result.format());
            }
            json.writeStringField("outcome", result.outcome().jsonName());
            if (result.reason() != null) {
                json.writeStringField("reason", result.reason());
            }
            if (result.id() != null) {
                json.writeStringField("id", result.id());
            }
            if (result.duplicateOf() != null) {
                json.writeStringField("duplicate_of", result.duplicateOf());
            }
            if (result.title() != null) {
                json.writeStringField("title", result.title());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run report " + file, e);
        }
    }

    /** Writes the counts and the exit code, and closes the file. */
    public synchronized void finish(Instant finished, int exitCode, String error) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            json.writeEndArray();
            json.writeObjectFieldStart("counts");
            json.writeNumberField("ingested", counts.get(Outcome.INDEXED));
            json.writeNumberField("unchanged", counts.get(Outcome.UNCHANGED));
            json.writeNumberField("duplicates", counts.get(Outcome.DUPLICATE));
            json.writeNumberField("skipped", counts.get(Outcome.SKIPPED));
            json.writeNumberField("failed", counts.get(Outcome.FAILED));
            json.writeNumberField("total", counts.total());
            json.writeEndObject();
            metrics.write(json);
            json.writeStringField("finished_at", finished.toString());
            json.writeNumberField("duration_ms", finished.toEpochMilli() - started.toEpochMilli());
            json.writeNumberField("exit_code", exitCode);
            if (error != null) {
                json.writeStringField("error", error);
            }
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run report " + file, e);
        }
    }

    @Override
    public void close() {
        finish(Instant.now(), 1, "run ended without finishing the report");
    }
}
