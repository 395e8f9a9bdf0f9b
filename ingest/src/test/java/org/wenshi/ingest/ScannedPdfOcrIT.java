package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.ocr.KnownText;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.Fields;

/**
 * The OCR acceptance test: a scanned PDF (pages that are only images, rendered from known
 * text) ingested by the real command; a phrase from it is found by phrase search and the character
 * error rate of each page is printed and at most 3% on these clean renders. The PDF extractor
 * hands pages without a text layer to OCR.
 */
class ScannedPdfOcrIT {
    @TempDir
    Path tmp;

    @Test
    void aScannedPdfIsReadPageByPageAndItsPhrasesAreFound() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        List<ScannedPage> pages = KnownText.simplified().render(ScanStyle.cleanSimplified());
        Path pdf = archive.resolve("hewan_night_school_scanned.pdf");
        ScanFiles.writeImagePdf(pages.stream().map(ScannedPage::image).toList(), 200, pdf);
        List<ScannedPage> teahouse = KnownText.traditional().render(ScanStyle.cleanTraditional());
        Path tradPdf = archive.resolve("teahouse_scanned.pdf");
        ScanFiles.writeImagePdf(teahouse.stream().map(ScannedPage::image).toList(), 200, tradPdf);

        try (ScanIngestRun run = new ScanIngestRun(tmp.resolve("home"))) {
            assertThat(run.ingest(archive))
                    .as("both image-only PDFs indexed (the PDF extractor must OCR pages without a text layer)")
                    .isEqualTo("ingested=2 unchanged=0 duplicates=0 skipped=0 failed=0");
            double worst =
                    Math.max(run.printErrorRates(pdf, pages, false), run.printErrorRates(tradPdf, teahouse, false));

            ObjectNode d = run.document(pdf);
            assertThat(d.get(Fields.FORMAT).asText()).isEqualTo("pdf");
            assertThat(d.get(Fields.OCR).asBoolean()).isTrue();
            assertThat(d.get(Fields.PAGE_COUNT).asInt()).isEqualTo(2);
            assertThat(d.get(Fields.TITLE).asText()).contains("青石桥畔忆夜校");
            String id = Source.ofFile(pdf).documentId();
            assertThat(run.phrase(Fields.TEXT, "农民夜校")).containsExactly(id);
            String acrossBreak = ScanIngestRun.phraseAcrossLineBreak(pages.get(0), 3);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, acrossBreak))
                    .as("phrase %s", acrossBreak)
                    .containsExactly(id);
            assertThat(run.phrase(Fields.TEXT_BIGRAMS, "聚福楼的茶馆"))
                    .containsExactly(Source.ofFile(tradPdf).documentId());
            assertThat(worst).isLessThanOrEqualTo(0.03);
        }
    }
}
