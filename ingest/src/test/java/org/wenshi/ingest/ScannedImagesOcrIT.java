package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.ocr.KnownText;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.Fields;

/**
 * Scans rendered from known text (a two-page simplified TIFF, a traditional PNG, a vertical
 * traditional JPEG) ingested by the real command with the real Tesseract: phrases are found by
 * phrase search, even across a printed line break, and the character error rate of every page is
 * printed and held to 3% (Han characters only, 5%, for the vertical page, whose model drops
 * punctuation).
 */
class ScannedImagesOcrIT {
    @TempDir
    Path tmp;

    @Test
    void scannedImagesAreReadSearchableAndCloseToThePrintedText() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        KnownText simplified = KnownText.simplified();
        List<ScannedPage> volume = simplified.render(ScanStyle.cleanSimplified());
        Path tiff = archive.resolve("hewan_night_school.tif");
        ScanFiles.writeTiff(volume.stream().map(ScannedPage::image).toList(), 200, tiff);

        List<ScannedPage> teahouse = KnownText.traditional().render(ScanStyle.cleanTraditional());
        Path png = archive.resolve("teahouse.png");
        ScanFiles.writePng(teahouse.get(0).image(), 200, png);

        List<String> later = simplified.paragraphs().subList(11, 14).stream()
                .map(ChineseScript::toTraditional)
                .toList();
        List<ScannedPage> columns =
                new ScanRenderer(ScanStyle.verticalTraditional()).render(ChineseScript.toTraditional("夜校舊事補記"), later);
        Path jpeg = archive.resolve("night_school_vertical.jpg");
        ScanFiles.writeJpeg(columns.get(0).image(), 200, 0.9f, jpeg);

        try (ScanIngestRun run = new ScanIngestRun(tmp.resolve("home"))) {
            assertThat(run.ingest(archive)).isEqualTo("ingested=3 unchanged=0 duplicates=0 skipped=0 failed=0");
            double volumeErrors = run.printErrorRates(tiff, volume, false);
            double teahouseErrors = run.printErrorRates(png, teahouse, false);
            double columnErrors = run.printErrorRates(jpeg, columns, true);

            ObjectNode v = run.document(tiff);
            assertThat(v.get(Fields.TITLE).asText()).isEqualTo("青石桥畔忆夜校");
            assertThat(v.get(Fields.FORMAT).asText()).isEqualTo("tiff");
            assertThat(v.get(Fields.OCR).asBoolean()).isTrue();
            assertThat(v.get(Fields.PAGE_COUNT).asInt()).isEqualTo(2);
            assertThat(v.get(Fields.OCR_CONFIDENCE).asDouble()).isGreaterThan(80);
            DocumentStore store = new DocumentStore(run.home.resolve("store"));
            assertThat(store.resolve(v.get(Fields.ORIGINAL).asText()).orElseThrow())
                    .hasSameBinaryContentAs(tiff);
            for (JsonNode page : v.get(Fields.PAGES)) {
                assertThat(store.resolve(page.get("image").asText()).orElseThrow())
                        .isRegularFile();
                assertThat(store.resolve(page.get("thumbnail").asText()).orElseThrow())
                        .isRegularFile();
                assertThat(store.resolve(page.get("hocr").asText()).orElseThrow())
                        .isRegularFile();
            }

            String tiffId = Source.ofFile(tiff).documentId();
            String jpegId = Source.ofFile(jpeg).documentId();
            // The vertical page prints 農民夜校 in traditional characters: found by the same search.
            assertThat(run.phrase(Fields.TEXT, "农民夜校")).containsExactlyInAnyOrder(tiffId, jpegId);
            String acrossBreak = ScanIngestRun.phraseAcrossLineBreak(volume.get(0), 3);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, acrossBreak))
                    .as("phrase %s", acrossBreak)
                    .containsExactly(tiffId);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, "一回写出自己的名字")).containsExactly(tiffId);

            ObjectNode t = run.document(png);
            assertThat(t.get(Fields.TITLE).asText()).isEqualTo("老街茶館見聞錄");
            assertThat(t.get(Fields.SCRIPT).asText()).isEqualTo("traditional");
            String pngId = Source.ofFile(png).documentId();
            assertThat(run.phrase(Fields.TEXT, "聚福樓的茶館")).containsExactly(pngId);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, "聚福楼的茶馆")).containsExactly(pngId);

            ObjectNode c = run.document(jpeg);
            assertThat(c.get(Fields.TITLE).asText()).isEqualTo("夜校舊事補記");
            assertThat(c.get(Fields.FORMAT).asText()).isEqualTo("jpeg");
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, "青石桥"))
                    .contains(Source.ofFile(jpeg).documentId());

            assertThat(volumeErrors).isLessThanOrEqualTo(0.03);
            assertThat(teahouseErrors).isLessThanOrEqualTo(0.03);
            assertThat(columnErrors).isLessThanOrEqualTo(0.05);
        }
    }
}
