package org.wenshi.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.enrich.ThemeTaxonomy;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.extract.ExtractInput;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.ocr.TesseractOcr;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;

/**
 * The sample archive's scans (a vertical traditional-character volume as a multi-page TIFF, an
 * image-only PDF, a scanned OFD, a PNG and a JPEG) read by the real Tesseract: each gives OCR'd pages with a
 * confidence, the sample-data note, and a place and a year for the facets. Needs the Debian packages
 * that {@code .ci/run} installs (tesseract-ocr with the chi-sim, chi-tra and vertical models).
 */
class SampleScansTest {

    @TempDir
    Path dir;

    @Test
    void everyScannedSampleDocumentIsReadByOcrAndGetsAPlaceAndAYear() throws Exception {
        SampleGenerator generator = new SampleGenerator(Gazetteer.bundled(), SampleGenerator.SEED);
        List<SampleDocument> scans = new ArrayList<>();
        generator.generate(dir.resolve("docs"), SampleFormats.SCAN_LIMIT, d -> {
            if (d.scanned()) {
                scans.add(d);
            }
        });
        assertThat(scans)
                .extracting(d -> d.relativePath().replaceFirst("^.*?\\.", ""))
                .containsExactly("scan.tif", "scan.pdf", "scan.ofd", "scan.png", "scan.jpg");

        DocumentEnricher enricher = new DocumentEnricher(Gazetteer.bundled(), ThemeTaxonomy.bundled());
        try (TesseractOcr ocr = new TesseractOcr(TesseractOcr.Settings.fromEnvironment(Map.of()));
                Extractors extractors = new Extractors(
                        new StoreWriter(new DocumentStore(dir.resolve("store"))), ocr, ParseLimits.defaults())) {
            for (SampleDocument d : scans) {
                Source source = Source.ofFile(dir.resolve("docs").resolve(d.relativePath()));
                Extraction e = extractors
                        .forFormat(source.format().orElseThrow())
                        .extract(new ExtractInput(
                                Files.readAllBytes(source.path()), source, java.util.Optional.empty()));
                assertThat(e.ocr()).as(d.relativePath()).isTrue();
                assertThat(e.pages()).as(d.relativePath()).isNotEmpty().allMatch(p -> p.ocrConfidence() > 60);
                assertThat(ChineseScript.toSimplified(e.text()))
                        .as(d.relativePath())
                        .contains("示例数据");
                Enrichment en = enricher.enrich(e);
                assertThat(en.place().province())
                        .as("place of %s", d.relativePath())
                        .isNotNull();
                assertThat(en.dating().year())
                        .as("year of %s", d.relativePath())
                        .isNotNull();
            }
            assertThat(ChineseScript.TRADITIONAL)
                    .as("the vertical volume is in traditional characters")
                    .isEqualTo(
                            enricher.enrich(extract(extractors, scans.get(0))).script());
        }
    }

    private Extraction extract(Extractors extractors, SampleDocument d) throws Exception {
        Source source = Source.ofFile(dir.resolve("docs").resolve(d.relativePath()));
        return extractors
                .forFormat(source.format().orElseThrow())
                .extract(new ExtractInput(Files.readAllBytes(source.path()), source, java.util.Optional.empty()));
    }
}
