package org.wenshi.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainLinesGiveTotalRateAndEtaWhenTheTotalIsKnown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Counts counts = new Counts();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), counts, 0);
        progress.expect(10);
        counts.add(Outcome.INDEXED);
        counts.add(Outcome.FAILED);
        progress.tick();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .startsWith("progress: 2 of 10 sources in ")
                .contains("ETA ")
                .contains("failed 1");
        assertThat(out).doesNotContain("\r");
    }

    @Test
    void terminalBarIsRedrawnInPlaceAndClearedBeforeTheSummary() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Counts counts = new Counts();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), counts, 0, true);
        progress.expect(4);
        counts.add(Outcome.INDEXED);
        counts.add(Outcome.UNCHANGED);
        Thread.sleep(300);
        progress.tick();
        String bar = bytes.toString(StandardCharsets.UTF_8);
        assertThat(bar).startsWith("\r[############............] 2/4  50% ").contains("ETA ");
        String summary = progress.summary();
        assertThat(summary).startsWith("done: 2 of 4 sources");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r\u001b[K");
    }

    @Test
    void withoutATotalTheBarCountsSourcesWithoutEta() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Counts counts = new Counts();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), counts, 0, true);
        counts.add(Outcome.SKIPPED);
        Thread.sleep(300);
        progress.tick();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("\r1 sources ")
                .doesNotContain("ETA");
    }

    @Test
    void aSourceThatTurnsOutToHoldOthersCorrectsAKnownTotalButNotAnUnknownOne() {
        Counts counts = new Counts();
        Progress known = new Progress(new PrintStream(new ByteArrayOutputStream()), counts, 0);
        known.expect(3);
        known.expectMore(-1); // a web archive counted as one source
        known.expectMore(1);
        known.expectMore(1); // ... held two records
        known.expectMore(1); // ... then a third
        assertThat(known.summary()).startsWith("done: 0 of 5 sources");

        Progress unknown = new Progress(new PrintStream(new ByteArrayOutputStream()), counts, 0);
        unknown.expectMore(2);
        assertThat(unknown.summary()).startsWith("done: 0 sources");
    }
}
