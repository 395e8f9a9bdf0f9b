package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.source.Source;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.Fields;

/**
 * Kills ingest with SIGKILL in the middle of a run (a separate JVM, {@code Process.destroyForcibly},
 * which is {@code kill -9} on Linux) and runs it again: every source must be accounted for exactly
 * once in the second run's report, the index must hold exactly one document per source and one
 * canonical document per content, and a third run must find everything unchanged.
 */
class KillAndResumeIT {
    private static final int SOURCES = 4000;
    private static final int COPIES = 200; // sources whose text equals another's: exact duplicates
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-kill");

    @Test
    void secondRunAfterKillNineAccountsForEverySourceOnceAndLeavesNoDuplicate() throws Exception {
        Path archive = writeArchive(tmp.resolve("archive"));
        Path home = tmp.resolve("home");

        Process first = new ProcessBuilder(
                        javaCommand(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestCommand.class.getName(),
                        "--es-url",
                        TestNode.url().toString(),
                        "--index",
                        index.names().alias(),
                        archive.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first.log").toFile())
                .start();
        first.getOutputStream().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long indexedBeforeKill;
        while (first.isAlive() && System.nanoTime() < deadline) {
            indexedBeforeKill = countWhileStarting();
            if (indexedBeforeKill > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(first.isAlive())
                .as(
                        "the first run must still be working when killed (log: %s)",
                        Files.readString(tmp.resolve("first.log")))
                .isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        index.client().indices().refresh(r -> r.index(index.names().alias()));
        long afterKill = countIfExists();
        assertThat(afterKill).as("the kill came mid-run").isBetween(1L, (long) SOURCES - 1);

        CommandRun second = CommandRun.ingest(home, index.names().alias(), archive.toString());
        assertThat(second.lastLine()).matches("ingested=\\d+ unchanged=\\d+ duplicates=\\d+ skipped=0 failed=0");
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode s : second.reportSources()) {
            seen.merge(s.path("source").asText(), 1, Integer::sum);
        }
        assertThat(seen).as("every source reported").hasSize(SOURCES);
        assertThat(seen.values()).as("each exactly once").containsOnly(1);
        assertThat(count(second, "unchanged"))
                .as("work done before the kill is not redone")
                .isPositive();
        assertThat(count(second, "ingested") + count(second, "unchanged") + count(second, "duplicates"))
                .isEqualTo(SOURCES);

        index.client().indices().refresh(r -> r.index(index.names().alias()));
        assertThat(index.client().count(c -> c.index(index.names().alias())).count())
                .isEqualTo(SOURCES);
        var canonicalPerHash = index.client()
                .search(
                        s -> s.index(index.names().alias())
                                .size(0)
                                .query(q ->
                                        q.term(t -> t.field(Fields.CANONICAL).value(true)))
                                .aggregations(
                                        "hash",
                                        a -> a.terms(t -> t.field(Fields.CONTENT_HASH)
                                                .minDocCount(2)
                                                .size(10))),
                        Void.class);
        List<StringTermsBucket> twice =
                canonicalPerHash.aggregations().get("hash").sterms().buckets().array();
        assertThat(twice).as("no content has two canonical documents").isEmpty();
        assertThat(index.client()
                        .count(c -> c.index(index.names().alias())
                                .query(q ->
                                        q.term(t -> t.field(Fields.CANONICAL).value(false))))
                        .count())
                .as("exact copies are duplicates")
                .isEqualTo(COPIES);

        CommandRun third = CommandRun.ingest(home, index.names().alias(), archive.toString());
        assertThat(third.lastLine()).isEqualTo("ingested=0 unchanged=" + SOURCES + " duplicates=0 skipped=0 failed=0");
    }

    /** The count, 0 while the index is still being created by the first run. */
    private long countWhileStarting() {
        try {
            return countIfExists();
        } catch (Exception e) {
            return 0;
        }
    }

    private long countIfExists() throws Exception {
        if (!index.client()
                .indices()
                .exists(e -> e.index(index.names().alias()))
                .value()) {
            return 0;
        }
        return index.client().count(c -> c.index(index.names().alias())).count();
    }

    private Path writeArchive(Path dir) throws Exception {
        String[] cities = {"南阳", "许昌", "漯河", "郑州", "洛阳", "开封", "信阳", "周口"};
        for (int i = 0; i < SOURCES; i++) {
            Path folder = Files.createDirectories(dir.resolve(String.format("vol%02d", i / 500)));
            int n = i < SOURCES - COPIES ? i : i - (SOURCES - COPIES); // the last COPIES repeat the first ones
            String city = cities[n % cities.length];
            String text = "%s市政协文史资料第%d篇（示例数据，内容虚构）\n%s市政协组织委员开展第%d次专题调研，围绕民生实事提出建议%d条。\n"
                    .formatted(city, n, city, n, n % 37 + 3);
            Files.writeString(folder.resolve(String.format("doc%05d.txt", i)), text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** The count called {@code name} in the run's last line. */
    private static int count(CommandRun run, String name) {
        var m = java.util.regex.Pattern.compile(name + "=(\\d+)").matcher(run.lastLine());
        assertThat(m.find()).as("%s in %s", name, run.lastLine()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    static {
        // the source ids this test relies on are stable across JVMs
        assertThat(Source.idForUrl("file:///a")).hasSize(Source.ID_LENGTH);
    }
}
