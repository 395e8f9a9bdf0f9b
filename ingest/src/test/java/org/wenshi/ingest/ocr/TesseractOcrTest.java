package org.wenshi.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;

/**
 * The real {@code tesseract} (Debian tesseract-ocr with the Chinese models; the build machine and CI
 * have them, and without them these tests fail saying which package is missing) on short rendered
 * pages, and stand-in programs for the failure cases.
 */
class TesseractOcrTest {
    @TempDir
    Path tmp;

    private static ScannedPage render(KnownText text, ScanStyle style) {
        return new ScanRenderer(style).render(text.title(), text.paragraphs()).get(0);
    }

    private static TesseractOcr tesseract() {
        return new TesseractOcr(TesseractOcr.Settings.defaults());
    }

    private static void assertWellFormed(OcrResult r, BufferedImage image) {
        assertThat(r.text()).doesNotContainPattern("\\p{IsHan}\\h+\\p{IsHan}");
        assertThat(r.width()).isEqualTo(image.getWidth());
        assertThat(r.height()).isEqualTo(image.getHeight());
        assertThat(r.words()).isNotEmpty();
        for (OcrResult.Word w : r.words()) {
            assertThat(r.text().substring(w.start(), w.end())).isEqualTo(w.text());
            assertThat(w.x()).isBetween(0, image.getWidth() - 1);
            assertThat(w.y()).isBetween(0, image.getHeight() - 1);
            assertThat(w.x() + w.w()).isLessThanOrEqualTo(image.getWidth());
            assertThat(w.y() + w.h()).isLessThanOrEqualTo(image.getHeight());
        }
    }

    @Test
    void readsASimplifiedPageOfUnknownScriptWithTheSimplifiedModel() throws Exception {
        ScannedPage page = render(KnownText.simplified().first(3), ScanStyle.cleanSimplified());
        try (TesseractOcr ocr = tesseract()) {
            OcrResult r = ocr.recognize(page.image(), Ocr.Script.UNKNOWN);

            assertWellFormed(r, page.image());
            assertThat(r.script()).isEqualTo(Ocr.Script.SIMPLIFIED);
            assertThat(CharacterErrorRate.of(page.text(), r.text())).isLessThanOrEqualTo(0.03);
            assertThat(r.text()).startsWith("青石桥畔忆夜校\n一九五六年秋天").contains("农民夜校");
            assertThat(r.text().lines()).hasSize(4);
            assertThat(r.confidence()).isGreaterThan(TesseractOcr.SURE_HORIZONTAL);
        }
    }

    @Test
    void readsATraditionalPageOfUnknownScriptWithTheTraditionalModel() throws Exception {
        ScannedPage page = render(KnownText.traditional().first(2), ScanStyle.cleanTraditional());
        try (TesseractOcr ocr = tesseract()) {
            OcrResult r = ocr.recognize(page.image(), Ocr.Script.UNKNOWN);

            assertWellFormed(r, page.image());
            assertThat(r.script()).isEqualTo(Ocr.Script.TRADITIONAL);
            assertThat(CharacterErrorRate.of(page.text(), r.text())).isLessThanOrEqualTo(0.03);
            assertThat(r.text()).contains("茶館", "，");
        }
    }

    @Test
    void readsVerticalColumnsRightToLeftWithTheVerticalModel() throws Exception {
        ScannedPage page = render(KnownText.traditional().first(2), ScanStyle.verticalTraditional());
        try (TesseractOcr ocr = tesseract()) {
            OcrResult r = ocr.recognize(page.image(), Ocr.Script.UNKNOWN);

            assertWellFormed(r, page.image());
            assertThat(r.script()).isEqualTo(Ocr.Script.VERTICAL_TRADITIONAL);
            // The vertical model drops most punctuation; the characters themselves are read.
            assertThat(CharacterErrorRate.ofHan(page.text(), r.text())).isLessThanOrEqualTo(0.05);
            assertThat(r.text()).startsWith("老街茶館見聞錄");
        }
    }

    @Test
    void aKnownScriptIsReadOnceWithItsModel() throws Exception {
        ScannedPage page = render(KnownText.traditional().first(1), ScanStyle.cleanTraditional());
        try (TesseractOcr ocr = tesseract()) {
            OcrResult r = ocr.recognize(page.image(), Ocr.Script.TRADITIONAL);

            assertThat(r.script()).isEqualTo(Ocr.Script.TRADITIONAL);
            assertThat(CharacterErrorRate.of(page.text(), r.text())).isLessThanOrEqualTo(0.03);
        }
    }

    @Test
    void aMissingProgramNamesTheDebianPackage() {
        BufferedImage image = render(KnownText.simplified().first(0), ScanStyle.cleanSimplified())
                .image();
        try (TesseractOcr ocr = new TesseractOcr(new TesseractOcr.Settings(
                tmp.resolve("no-such-tesseract").toString(), 1, Duration.ofSeconds(10), null))) {
            assertThatThrownBy(() -> ocr.recognize(image, Ocr.Script.SIMPLIFIED))
                    .isInstanceOf(OcrException.class)
                    .hasMessageContaining("Tesseract is not installed")
                    .hasMessageContaining("tesseract-ocr");
        }
    }

    @Test
    void aMissingModelNamesItsDebianPackage() throws Exception {
        Path emptyModels = Files.createDirectories(tmp.resolve("tessdata"));
        BufferedImage image = render(KnownText.simplified().first(0), ScanStyle.cleanSimplified())
                .image();
        try (TesseractOcr ocr =
                new TesseractOcr(new TesseractOcr.Settings("tesseract", 1, Duration.ofSeconds(30), emptyModels))) {
            assertThatThrownBy(() -> ocr.recognize(image, Ocr.Script.TRADITIONAL))
                    .isInstanceOf(OcrException.class)
                    .hasMessage(
                            "Tesseract model chi_tra is missing (install the Debian package tesseract-ocr-chi-tra)");
        }
    }

    /** A stand-in for tesseract: a shell script in {@code tmp}. */
    private Path program(String name, String body) throws Exception {
        Path script = tmp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aPageThatTakesTooLongIsStoppedAndReported() throws Exception {
        Path slow = program("slow-tesseract", "exec sleep 60");
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        long started = System.nanoTime();
        try (TesseractOcr ocr =
                new TesseractOcr(new TesseractOcr.Settings(slow.toString(), 1, Duration.ofSeconds(1), null))) {
            assertThatThrownBy(() -> ocr.recognize(image, Ocr.Script.SIMPLIFIED))
                    .isInstanceOf(OcrException.class)
                    .hasMessageContaining("took longer than 1 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aCrashIsReportedAsACrash() throws Exception {
        Path crashing = program("crashing-tesseract", "kill -SEGV $$");
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        try (TesseractOcr ocr =
                new TesseractOcr(new TesseractOcr.Settings(crashing.toString(), 1, Duration.ofSeconds(10), null))) {
            assertThatThrownBy(() -> ocr.recognize(image, Ocr.Script.SIMPLIFIED))
                    .isInstanceOf(OcrException.class)
                    .hasMessageContaining("Tesseract crashed (signal 11)");
        }
    }

    @Test
    void runsAtMostTheConfiguredNumberOfSingleThreadedProcessesWhateverTheCallers() throws Exception {
        Path log = tmp.resolve("calls.log");
        Path fake = program("counting-tesseract", """
                echo "start $(date +%s%N) $OMP_THREAD_LIMIT $*" >> LOG
                sleep 0.4
                printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'
                printf '5\\t1\\t1\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t95\\t政协\\n'
                echo "end $(date +%s%N)" >> LOG
                """.replace("LOG", log.toString()));
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (TesseractOcr ocr =
                new TesseractOcr(new TesseractOcr.Settings(fake.toString(), 2, Duration.ofSeconds(30), null))) {
            List<Future<OcrResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(callers.submit(() -> ocr.recognize(image, Ocr.Script.SIMPLIFIED)));
            }
            for (Future<OcrResult> f : results) {
                assertThat(f.get().text()).isEqualTo("政协");
            }
        } finally {
            callers.shutdownNow();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(12);
        assertThat(lines.stream().filter(l -> l.startsWith("start")))
                .allSatisfy(l -> assertThat(l.split(" ")[2]).isEqualTo("1"))
                .allSatisfy(l -> assertThat(l).contains("-l chi_sim --psm 6 tsv"));
        List<long[]> events = new ArrayList<>();
        for (String l : lines) {
            String[] p = l.split(" ");
            events.add(new long[] {Long.parseLong(p[1]), l.startsWith("start") ? 1 : -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        int most = 0;
        for (long[] e : events) {
            running += (int) e[1];
            most = Math.max(most, running);
        }
        assertThat(most).isEqualTo(2);
    }

    @Test
    void settingsComeFromTheEnvironmentAndRejectNonsense() {
        TesseractOcr.Settings s = TesseractOcr.Settings.fromEnvironment(Map.of(
                "WENSHI_OCR_PROCESSES", "3", "WENSHI_OCR_PAGE_TIMEOUT", "45", "WENSHI_TESSERACT", "/opt/t/tesseract"));

        assertThat(s.processes()).isEqualTo(3);
        assertThat(s.pageTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.executable()).isEqualTo("/opt/t/tesseract");
        assertThat(TesseractOcr.Settings.fromEnvironment(Map.of()).processes())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> TesseractOcr.Settings.fromEnvironment(Map.of("WENSHI_OCR_PROCESSES", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WENSHI_OCR_PROCESSES");
    }

    @Test
    void aClosedEngineRefusesPages() {
        TesseractOcr ocr = tesseract();
        ocr.close();

        assertThatThrownBy(() ->
                        ocr.recognize(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), Ocr.Script.UNKNOWN))
                .isInstanceOf(OcrException.class)
                .hasMessageContaining("closed");
    }
}
