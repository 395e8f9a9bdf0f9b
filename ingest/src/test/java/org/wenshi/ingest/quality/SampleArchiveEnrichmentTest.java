package org.wenshi.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.sample.SampleGenerator;

/**
 * The sample archive the README's run command ingests, through the evaluation's enrichment: every
 * document must get a place and a publication year (so the portal's facets show them), and distinct
 * sample documents, which share templates, must not be taken for reprints of one another. The
 * scanned documents are left to {@code SampleScansTest}, which reads them with Tesseract.
 */
class SampleArchiveEnrichmentTest {
    private static final int SIZE = 320;

    @TempDir
    Path tmp;

    @Test
    void everySampleDocumentGetsAPlaceAndAYearAndNoneIsTakenForAReprint() throws Exception {
        SampleGenerator generator = new SampleGenerator(Gazetteer.bundled(), SampleGenerator.SEED);
        List<String> files = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        generator.generate(tmp, SIZE, d -> (d.scanned() ? scans : files).add(d.relativePath()));
        // Scans are read by OCR, which this test does not run: SampleScansTest covers them.
        assertThat(files).hasSize(SIZE - scans.size());

        EnrichmentEvaluation evaluation = new EnrichmentEvaluation();
        Map<String, EnrichmentEvaluation.Enriched> enriched = evaluation.enrichAll(tmp, files);

        List<String> withoutPlace = new ArrayList<>();
        List<String> withoutYear = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        enriched.forEach((file, e) -> {
            if (e.enrichment().place().province() == null
                    && !"全国".equals(e.enrichment().place().level())) {
                withoutPlace.add(file);
            }
            if (e.enrichment().dating().year() == null) {
                withoutYear.add(file);
            }
            groups.add(e.group());
        });
        assertThat(withoutPlace).as("sample documents without a place").isEmpty();
        assertThat(withoutYear).as("sample documents without a year").isEmpty();
        long distinctTexts = files.stream()
                .map(f -> enriched.get(f).extraction().text())
                .distinct()
                .count();
        assertThat(groups).as("one group per distinct sample text").hasSize((int) distinctTexts);
    }
}
