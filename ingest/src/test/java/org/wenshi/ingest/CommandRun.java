package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.localnode.testing.TestNode;

/**
 * One run of the real ingest command ({@link IngestCommand#run}, in-process) against the test node,
 * with its output and its JSON run report, for the integration tests of web sources.
 */
record CommandRun(int exit, List<String> out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args} (after {@code --es-url} and {@code --index}) with {@code WENSHI_HOME=home}; asserts exit 0. */
    static CommandRun ingest(Path home, String alias, String... args) {
        return ingest(Map.of("WENSHI_HOME", home.toString()), alias, args);
    }

    /** Runs {@code args} (after {@code --es-url} and {@code --index}) with {@code env}; asserts exit 0. */
    static CommandRun ingest(Map<String, String> env, String alias, String... args) {
        List<String> all = new ArrayList<>(List.of("--es-url", TestNode.url().toString(), "--index", alias));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IngestCommand.run(
                all.toArray(String[]::new),
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandRun run = new CommandRun(
                exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
        assertThat(run.exit())
                .as("exit code; stderr: %s; stdout: %s", run.err(), run.out())
                .isZero();
        return run;
    }

    String lastLine() {
        return out.get(out.size() - 1);
    }

    /** The run's JSON report, named on the {@code report:} line. */
    Path report() {
        return out.stream()
                .filter(l -> l.startsWith("report: "))
                .map(l -> Path.of(l.substring(8)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report line in " + out));
    }

    /** The report's entries, one per source as the run recorded them. */
    List<JsonNode> reportSources() throws IOException {
        List<JsonNode> sources = new ArrayList<>();
        JSON.readTree(report().toFile()).path("sources").forEach(sources::add);
        return sources;
    }

    /** The report's entries by source url. */
    Map<String, JsonNode> reportBySource() throws IOException {
        Map<String, JsonNode> bySource = new LinkedHashMap<>();
        reportSources().forEach(s -> bySource.put(s.path("source").asText(), s));
        return bySource;
    }
}
