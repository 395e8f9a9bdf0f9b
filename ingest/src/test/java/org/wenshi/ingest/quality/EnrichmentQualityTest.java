package org.wenshi.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment quality command's targets, asserted in the build: a change that makes place, year,
 * theme or reprint detection worse than docs/quality.md promises fails here. The seeds are checked
 * too when ../shared/seeds is present (they are not part of the repository).
 */
class EnrichmentQualityTest {
    @TempDir
    Path tmp;

    @Test
    void theEvaluationSetMeetsTheTargetsAndTheSeedsPass() {
        EnrichmentEvaluation.Report report =
                new EnrichmentEvaluation().run(EvaluationSet.load(EvaluationSet.defaultDir()), SeedCheck.findSeeds());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnrichmentEvaluation.print(report, new PrintStream(out, true, StandardCharsets.UTF_8), true);
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(report.documents()).as(printed).isGreaterThanOrEqualTo(80);
        assertThat(report.placeAccuracy()).as(printed).isGreaterThanOrEqualTo(EnrichmentEvaluation.PLACE_TARGET);
        assertThat(report.yearAccuracy()).as(printed).isGreaterThanOrEqualTo(EnrichmentEvaluation.YEAR_TARGET);
        assertThat(report.fields().get("themes").f1())
                .as(printed)
                .isGreaterThanOrEqualTo(EnrichmentEvaluation.THEME_F1_TARGET);
        assertThat(report.fields().get("reprint pairs").f1())
                .as(printed)
                .isGreaterThanOrEqualTo(EnrichmentEvaluation.REPRINT_F1_TARGET);
        assertThat(report.seeds()).as(printed).allMatch(SeedCheck::passed);
        assertThat(printed).contains("targets: met");
    }

    @Test
    void aMissingEvaluationSetFailsLoudly() {
        assertThatThrownBy(() -> EvaluationSet.load(tmp.resolve("nowhere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("evaluation set is missing");
    }
}
