package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs {@link WebExtractionEvaluation} so that an extractor change lowering its figures fails the build. */
class WebExtractionEvaluationTest {
    private static final WebExtractionEvaluation.Result RESULT = WebExtractionEvaluation.run();

    @Test
    void webPagesMeetTheMainTextTargetOnDevelopmentAndHeldOutPages() {
        WebExtractionEvaluation.Result r = RESULT;
        String table = WebExtractionEvaluation.table(r);
        assertThat(r.pages()).as(table).hasSizeGreaterThanOrEqualTo(30);
        assertThat(r.heldOut().pages()).as(table).isNotEmpty();
        assertThat(r.meanF1()).as(table).isGreaterThanOrEqualTo(0.92);
        assertThat(r.heldOut().meanF1()).as(table).isGreaterThanOrEqualTo(0.92);
        assertThat(r.pages()).as(table).allSatisfy(p -> assertThat(p.f1()).isGreaterThan(0.85));
    }

    @Test
    void developmentPagesKeepTitleDateCharsetAndBylineRight() {
        WebExtractionEvaluation.Result dev = RESULT.development();
        String table = WebExtractionEvaluation.table(dev);
        assertThat(dev.pages()).as(table).allSatisfy(p -> {
            assertThat(p.titleOk()).as(p.name() + " title").isTrue();
            assertThat(p.dateOk()).as(p.name() + " date").isTrue();
            assertThat(p.charsetOk()).as(p.name() + " charset").isTrue();
            assertThat(p.authorOk()).as(p.name() + " author").isTrue();
        });
    }

    @Test
    void scoresCountNonWhitespaceCharactersAsBagAndSequence() {
        assertThat(WebExtractionEvaluation.compact("政 协\n委员　会")).isEqualTo("政协委员会");
        assertThat(WebExtractionEvaluation.bagOverlap("政协政协", "政协委员")).isEqualTo(2);
        assertThat(WebExtractionEvaluation.lcs("委员政协", "政协委员")).isEqualTo(2);
        double[] prf = WebExtractionEvaluation.prf(3, 4, 6);
        assertThat(prf[0]).isEqualTo(0.75);
        assertThat(prf[1]).isEqualTo(0.5);
        assertThat(prf[2]).isEqualTo(0.6);
    }
}
