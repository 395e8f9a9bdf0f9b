package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.FormatFixtures;
import org.wenshi.ingest.extract.isolated.ParseWorker;

class IngestCommandTest {
    static final String LAST_LINE = "ingested=\\d+ unchanged=\\d+ duplicates=\\d+ skipped=\\d+ failed=\\d+";

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IngestCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noSourceIsBadUsageWithUsageOnStderr() {
        Result r = run(Map.of());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no SOURCE given").contains("usage: java -jar wenshi-ingest.jar");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsBadUsage() {
        Result r = run(Map.of(), "--frobnicate", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--frobnicate'").contains("usage:");
    }

    @Test
    void optionWithoutValueIsBadUsage() {
        assertThat(run(Map.of(), "--index").exit()).isEqualTo(2);
        assertThat(run(Map.of(), "--es-url", "localhost:9200", "x").exit()).isEqualTo(2);
        assertThat(run(Map.of(), "--sample-size", "many", "--sample").exit()).isEqualTo(2);
    }

    @Test
    void invalidAliasIsBadUsage(@TempDir Path dir) {
        Result r = run(Map.of(), "--index", "Not Valid", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Not Valid");
    }

    @Test
    void missingSourceIsBadUsage(@TempDir Path dir) {
        Result r = run(Map.of(), dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or folder");
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        Result r = run(Map.of(), "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--sample", "--index ALIAS", "--es-url URL", "last line:");
    }

    @Test
    void unreachableElasticsearchExitsThreeWithTheLastLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "政协委员履职档案");
        int port = closedPort();
        Result r = runAgainst(port, dir);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("Elasticsearch cannot be reached").contains("127.0.0.1:" + port);
        List<String> lines = r.outLines();
        assertThat(lines.get(lines.size() - 1)).matches(LAST_LINE);
    }

    @Test
    void aBadParserOrOcrSettingInTheEnvironmentIsBadUsageNamingIt(@TempDir Path dir) {
        Result r = run(Map.of("WENSHI_PARSE_WORKERS", "two"), dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("WENSHI_PARSE_WORKERS must be a whole number, not 'two'");
        assertThat(run(Map.of("WENSHI_OCR_PROCESSES", "0"), dir.toString()).err())
                .contains("WENSHI_OCR_PROCESSES");
    }

    @Test
    void noParserWorkerStartedForAPdfOutlivesARunThatCannotReachElasticsearch(@TempDir Path dir) throws Exception {
        FormatFixtures.pdfTextTwoPages(dir);
        Result r = runAgainst(closedPort(), dir);
        assertThat(r.exit()).isEqualTo(3);
        List<ProcessHandle> workers = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(ParseWorker.class.getName()))
                .toList();
        for (ProcessHandle worker : workers) { // killed when the run ended; gone once the kernel has reaped it
            worker.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Ingests {@code dir} into the Elasticsearch said to be at {@code port} on this machine. */
    private static Result runAgainst(int port, Path dir) {
        return run(
                Map.of("WENSHI_HOME", dir.resolve("home").toString()),
                "--es-url",
                "http://127.0.0.1:" + port,
                dir.toString());
    }
}
