package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.FormatFixtures;
import org.wenshi.ingest.ocr.KnownText;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.Fields;

/**
 * OFD pages through the real command with the real Tesseract: a scanned OFD (pages that are only
 * images, rendered from known text) is read by OCR page by page, its phrases are found and the
 * character error rate of each page is printed and at most 3%; a text OFD gets its pages drawn into
 * the store, and the index points at those images.
 */
class ScannedOfdOcrIT {
    @TempDir
    Path tmp;

    @Test
    void aScannedOfdIsReadByOcrAndATextOfdGetsPageImages() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        List<ScannedPage> pages = KnownText.simplified().render(ScanStyle.cleanSimplified());
        Path scanned = archive.resolve("hewan_night_school_scanned.ofd");
        FormatWriters.writeImageOfd(
                scanned, null, pages.stream().map(ScannedPage::image).toList(), 200);
        Path text = FormatFixtures.ofd(archive);

        try (ScanIngestRun run = new ScanIngestRun(tmp.resolve("home"))) {
            assertThat(run.ingest(archive))
                    .as("both OFDs indexed (the OFD parser must hand pages without text to OCR)")
                    .isEqualTo("ingested=2 unchanged=0 duplicates=0 skipped=0 failed=0");
            double worst = run.printErrorRates(scanned, pages, false);

            DocumentStore store = new DocumentStore(run.home.resolve("store"));
            ObjectNode d = run.document(scanned);
            assertThat(d.get(Fields.FORMAT).asText()).isEqualTo("ofd");
            assertThat(d.get(Fields.OCR).asBoolean()).isTrue();
            assertThat(d.get(Fields.PAGE_COUNT).asInt()).isEqualTo(2);
            assertThat(d.get(Fields.TITLE).asText()).contains("青石桥畔忆夜校");
            for (JsonNode page : d.get(Fields.PAGES)) {
                assertThat(page.path("ocr_confidence").asDouble()).isGreaterThan(80);
                for (String file : List.of("image", "thumbnail", "hocr")) {
                    assertThat(store.resolve(page.path(file).asText()).orElseThrow())
                            .as("%s of page %s", file, page.path("n"))
                            .isRegularFile();
                }
            }
            String id = Source.ofFile(scanned).documentId();
            assertThat(run.phrase(Fields.TEXT, "农民夜校")).containsExactly(id);
            String acrossBreak = ScanIngestRun.phraseAcrossLineBreak(pages.get(0), 3);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, acrossBreak))
                    .as("phrase %s", acrossBreak)
                    .containsExactly(id);

            ObjectNode t = run.document(text);
            assertThat(t.get(Fields.OCR).asBoolean()).isFalse();
            assertThat(t.get(Fields.PAGES)).hasSize(2);
            String textId = Source.ofFile(text).documentId();
            for (JsonNode page : t.get(Fields.PAGES)) {
                int n = page.path("n").asInt();
                assertThat(page.path("image").asText()).isEqualTo(DocumentStore.pageImagePath(textId, n));
                assertThat(page.path("thumbnail").asText()).isEqualTo(DocumentStore.thumbnailPath(textId, n));
                assertThat(store.resolve(page.path("image").asText()).orElseThrow())
                        .isRegularFile();
                assertThat(store.resolve(page.path("thumbnail").asText()).orElseThrow())
                        .isRegularFile();
            }
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, "民国时期花会照片")).containsExactly(textId);

            assertThat(worst).isLessThanOrEqualTo(0.03);
        }
    }
}
