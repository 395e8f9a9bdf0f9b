package org.wenshi.ingest.extract.isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.ExtractionException;
import org.wenshi.ingest.extract.FormatFixtures;

/** The worker processes: out of memory, timeouts and dead workers fail one document and are replaced. */
class ParserPoolTest {
    @TempDir
    Path dir;

    private static ParseLimits limits(int heapMb, Duration timeout) {
        return new ParseLimits(1, heapMb, timeout, 1_000_000, 100, 300, 4000, 1L << 28);
    }

    private ParseRequest pdf() throws Exception {
        return new ParseRequest("pdf", null, null, Files.readAllBytes(FormatFixtures.pdfTextTwoPages(dir)));
    }

    @Test
    void aDocumentThatExhaustsTheWorkersMemoryFailsAloneAndTheNextGetsAFreshWorker() throws Exception {
        try (ParserPool pool = new ParserPool(limits(96, Duration.ofSeconds(60)))) {
            ParseRequest bomb = new ParseRequest("pdf", null, null, Files.readAllBytes(hugeImagePdf()));
            assertThatThrownBy(() -> pool.parse(bomb))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessage("parser ran out of memory (worker limit 96 MB)");
            assertThat(pool.workerPids()).isEmpty();
            ParsedDocument next = pool.parse(pdf());
            assertThat(next.pages()).hasSize(2);
        }
    }

    @Test
    void aDocumentOverTheTimeLimitIsStoppedByKillingItsWorker() throws Exception {
        try (ParserPool pool = new ParserPool(limits(256, Duration.ofMillis(1)))) {
            ParseRequest request = pdf();
            assertThatThrownBy(() -> pool.parse(request))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessage("parse timed out after 0.001 s (worker killed)");
            assertThat(pool.workerPids()).isEmpty();
        }
    }

    @Test
    void aWorkerKilledWhileIdleIsReplaced() throws Exception {
        try (ParserPool pool = new ParserPool(limits(256, Duration.ofSeconds(60)))) {
            pool.parse(pdf());
            List<Long> first = pool.workerPids();
            assertThat(first).hasSize(1);
            ProcessHandle worker = ProcessHandle.of(first.get(0)).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().join();
            assertThat(pool.parse(pdf()).pages()).hasSize(2);
            assertThat(pool.workerPids()).hasSize(1).doesNotContain(first.get(0));
        }
    }

    @Test
    void closingThePoolEndsItsWorkers() throws Exception {
        ParserPool pool = new ParserPool(limits(256, Duration.ofSeconds(60)));
        pool.parse(pdf());
        ProcessHandle worker = ProcessHandle.of(pool.workerPids().get(0)).orElseThrow();
        pool.close();
        worker.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void theFirstWorkerStartedInBackgroundTakesTheFirstDocumentAndNoMoreThanTheLimitAreStarted() throws Exception {
        try (ParserPool pool =
                new ParserPool(new ParseLimits(2, 256, Duration.ofSeconds(60), 1_000_000, 100, 300, 4000, 1L << 28))) {
            pool.startInBackground();
            pool.startInBackground(); // only the first call starts anything
            List<Long> first = awaitWorkers(pool);
            assertThat(first).hasSize(1);
            assertThat(pool.parse(pdf()).pages()).hasSize(2);
            assertThat(pool.workerPids()).contains(first.get(0)).hasSizeLessThanOrEqualTo(2);
            ParseRequest request = pdf();
            List<CompletableFuture<ParsedDocument>> parses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                parses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return pool.parse(request);
                    } catch (ExtractionException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (var p : parses) {
                assertThat(p.get().pages()).hasSize(2);
            }
            assertThat(pool.workerPids()).contains(first.get(0)).hasSize(2);
        }
    }

    @Test
    void closingThePoolEndsAWorkerStillStartingInBackground() throws Exception {
        ParserPool pool = new ParserPool(limits(256, Duration.ofSeconds(60)));
        pool.startInBackground();
        ProcessHandle starting = ProcessHandle.of(awaitWorkers(pool).get(0)).orElseThrow();
        pool.close();
        starting.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(starting.isAlive()).isFalse();
        assertThatThrownBy(() -> pool.parse(pdf())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWarmUpReadsAndRendersAPdfOfItsOwn() throws Exception {
        assertThatCode(() -> new DocumentParser(limits(256, Duration.ofSeconds(60))).warmUp())
                .doesNotThrowAnyException();
    }

    /** The pids of the pool's workers once there is one (launched, not necessarily ready yet). */
    private static List<Long> awaitWorkers(ParserPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pool.workerPids().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no worker was started in the background within 60 s");
            }
            Thread.sleep(20);
        }
        return pool.workerPids();
    }

    @Test
    void theWorkerRunsThisProcesssClassPathWithItsOwnHeapLimit() {
        List<String> command = ParserPool.command(limits(300, Duration.ofSeconds(5)));
        assertThat(command).contains("-Xmx300m", "-XX:+ExitOnOutOfMemoryError", ParseWorker.class.getName());
        assertThat(command.get(command.indexOf("-cp") + 1)).contains("classes");
    }

    /** One page showing a 20,000 × 20,000 grey image: 400 MB once decoded, a few hundred KB in the file. */
    private Path hugeImagePdf() throws Exception {
        Path f = dir.resolve("pdf_huge_image.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            int side = 20_000;
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] row = new byte[side];
                for (int i = 0; i < side; i++) {
                    out.write(row);
                }
            }
            stream.setItem(COSName.TYPE, COSName.XOBJECT);
            stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
            stream.setInt(COSName.WIDTH, side);
            stream.setInt(COSName.HEIGHT, side);
            stream.setInt(COSName.BITS_PER_COMPONENT, 8);
            stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(f.toFile());
        }
        return f;
    }
}
