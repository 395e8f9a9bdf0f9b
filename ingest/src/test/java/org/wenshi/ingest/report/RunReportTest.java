package org.wenshi.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @Test
    void writesEverySourceAndTheCounts(@TempDir Path home) throws Exception {
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        RunReport report = RunReport.create(
                home.resolve("reports"), start, Map.of("index", "wenshi-docs", "arguments", List.of("/data")));
        report.record(new SourceResult("file:///data/a.txt", "txt", Outcome.INDEXED, null, "id1", null, "甲"));
        report.record(new SourceResult(
                "file:///data/b.xyz",
                null,
                Outcome.SKIPPED,
                "unsupported format: .xyz (not yet supported)",
                null,
                null,
                null));
        report.record(new SourceResult(
                "file:///data/c.txt", "txt", Outcome.FAILED, "empty file (0 bytes)", "id3", null, null));
        report.record(new SourceResult("file:///data/d.txt", "txt", Outcome.DUPLICATE, null, "id4", "id1", "甲"));
        report.finish(start.plusSeconds(2), 0, null);

        assertThat(report.file().getFileName().toString()).isEqualTo("ingest-20261121T100000.000Z.json");
        JsonNode json = new ObjectMapper().readTree(report.file().toFile());
        assertThat(json.path("sources")).hasSize(4);
        assertThat(json.path("sources").get(1).path("reason").asText()).contains(".xyz");
        assertThat(json.path("sources").get(3).path("duplicate_of").asText()).isEqualTo("id1");
        assertThat(json.path("counts").path("ingested").asInt()).isEqualTo(1);
        assertThat(json.path("counts").path("total").asInt()).isEqualTo(4);
        assertThat(json.path("exit_code").asInt()).isZero();
        assertThat(report.counts().lastLine()).isEqualTo("ingested=1 unchanged=0 duplicates=1 skipped=1 failed=1");

        RunReport second = RunReport.create(home.resolve("reports"), start, Map.of());
        second.finish(start, 0, null);
        assertThat(second.file()).isNotEqualTo(report.file());
    }
}
