package org.wenshi.ingest.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.wenshi.ingest.IngestCommand;
import org.wenshi.ingest.ocr.KnownText;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.IndexNames;

/**
 * OCR throughput of the ingest pipeline against bare Tesseract on the same pages, in one run. It
 * renders N different A4 pages of simplified text (200 dpi, about 1,200 characters each), then, in
 * alternating rounds:
 *
 * <ul>
 *   <li><b>bare</b>: {@code tesseract page.png stdout -l chi_sim --psm 6 tsv} with {@code
 *       OMP_THREAD_LIMIT=1}, one process per core at a time over all pages;
 *   <li><b>pipeline</b>: {@code wenshi-ingest} (its {@code run} method, in-process) on a folder holding
 *       the same pages as documents: multi-page TIFFs of three pages and single PNGs, into a fresh
 *       index and store, so every page is read, stored and indexed.
 * </ul>
 *
 * Pages per second of wall time for both, and their ratio (the target is at least 0.85). The
 * pipeline's figure includes everything it does for a page: decoding, choosing the layout and script
 * (a clean simplified first page is read once), page images, word boxes, indexing.
 *
 * <pre>mvn -q -pl ingest test-compile exec:java@ocr-benchmark -Dwenshi.test.home=/tmp/wenshi-bench</pre>
 *
 * System properties: {@code wenshi.bench.pages} (12), {@code wenshi.bench.rounds} (3), {@code
 * wenshi.bench.es-url} (an Elasticsearch to use instead of the test node).
 */
public final class OcrBenchmark {
    private static final int TIFF_PAGES = 3;
    private static final int PAGE_CHARACTERS = 1200;

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("wenshi.bench.pages", 12);
        int rounds = Integer.getInteger("wenshi.bench.rounds", 3);
        String external = System.getProperty("wenshi.bench.es-url");
        Path work = Files.createTempDirectory("wenshi-ocr-bench-");
        try {
            String url = external != null && !external.isBlank()
                    ? external.trim()
                    : TestNode.url().toString();
            try (ElasticsearchConnection connection = ElasticsearchConnection.open(url)) {
                run(connection, url, pages, rounds, work);
            }
        } finally {
            TestNode.release();
            deleteTree(work);
        }
    }

    private static void run(ElasticsearchConnection connection, String url, int n, int rounds, Path work)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "OCR benchmark: %d pages, %d rounds, %d cores, %s, load average %.2f at start%n",
                n,
                rounds,
                cores,
                tesseractVersion(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<ScannedPage> rendered = render(n);
        Path bareDir = Files.createDirectories(work.resolve("bare"));
        List<Path> pngs = new ArrayList<>();
        for (ScannedPage p : rendered) {
            Path png = bareDir.resolve(String.format(Locale.ROOT, "page-%03d.png", p.n()));
            ScanFiles.writePng(p.image(), 200, png);
            pngs.add(png);
        }
        Path docs = Files.createDirectories(work.resolve("docs"));
        int tiffs = 0;
        int i = 0;
        while (i < n) {
            int left = n - i;
            if (left > TIFF_PAGES && tiffs < n / (2 * TIFF_PAGES) + 1) {
                List<BufferedImage> images = rendered.subList(i, i + TIFF_PAGES).stream()
                        .map(ScannedPage::image)
                        .toList();
                ScanFiles.writeTiff(images, 200, docs.resolve(String.format(Locale.ROOT, "volume-%02d.tif", ++tiffs)));
                i += TIFF_PAGES;
            } else {
                ScanFiles.writePng(
                        rendered.get(i).image(), 200, docs.resolve(String.format(Locale.ROOT, "page-%03d.png", i + 1)));
                i++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "documents: %d multi-page TIFFs of %d pages, %d PNGs (%d pages in all)%n",
                tiffs,
                TIFF_PAGES,
                n - tiffs * TIFF_PAGES,
                n);

        // The pipeline runs tesseract through this wrapper, which notes the model of every run.
        Path runs = work.resolve("tesseract-runs.log");
        Path wrapper = work.resolve("tesseract-counting");
        Files.writeString(
                wrapper, "#!/bin/sh\necho \"$4\" >> '" + runs + "'\nexec tesseract \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));

        double bareSeconds = 0;
        double pipelineSeconds = 0;
        List<String> models = new ArrayList<>();
        System.out.println();
        System.out.println("round | bare s  bare pages/s | pipeline s  pipeline pages/s | ratio");
        System.out.println("------------------------------------------------------------------");
        for (int r = 1; r <= rounds; r++) {
            double bare = bare(pngs, cores);
            Files.deleteIfExists(runs);
            double pipeline = pipeline(connection, url, docs, work.resolve("home-" + r), wrapper, n);
            models.add(Files.readAllLines(runs).stream()
                    .collect(Collectors.groupingBy(m -> m, TreeMap::new, Collectors.counting()))
                    .toString());
            bareSeconds += bare;
            pipelineSeconds += pipeline;
            System.out.printf(
                    Locale.ROOT,
                    "%5d | %6.1f  %12.3f | %10.1f  %16.3f | %5.2f%n",
                    r,
                    bare,
                    n / bare,
                    pipeline,
                    n / pipeline,
                    bare / pipeline);
        }
        System.out.println("------------------------------------------------------------------");
        System.out.printf(
                Locale.ROOT,
                "  all | %6.1f  %12.3f | %10.1f  %16.3f | %5.2f%n",
                bareSeconds,
                rounds * n / bareSeconds,
                pipelineSeconds,
                rounds * n / pipelineSeconds,
                bareSeconds / pipelineSeconds);
        System.out.println("ratio = pipeline pages/s ÷ bare pages/s (target ≥ 0.85)");
        System.out.println("tesseract runs of the pipeline by model, per round: " + String.join(", ", models));
    }

    /** N pages of different text: the known simplified text, each page starting at another paragraph. */
    private static List<ScannedPage> render(int n) {
        KnownText text = KnownText.simplified();
        ScanRenderer renderer = new ScanRenderer(ScanStyle.cleanSimplified());
        List<ScannedPage> pages = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<String> paragraphs = new ArrayList<>();
            int length = 0;
            for (int k = p; length < PAGE_CHARACTERS; k++) {
                String para = text.paragraphs().get(k % text.paragraphs().size());
                paragraphs.add(para);
                length += para.length();
            }
            ScannedPage page = renderer.render(text.title() + "（" + (p + 1) + "）", paragraphs)
                    .get(0);
            pages.add(new ScannedPage(p + 1, page.image(), page.text()));
        }
        return pages;
    }

    /** Wall seconds for bare tesseract over all pages, {@code cores} single-threaded processes at a time. */
    private static double bare(List<Path> pngs, int cores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> runs = new ArrayList<>();
            for (Path png : pngs) {
                runs.add(pool.submit(() -> {
                    ProcessBuilder pb = new ProcessBuilder(
                            "tesseract", png.toString(), "stdout", "-l", "chi_sim", "--psm", "6", "tsv");
                    pb.environment().put("OMP_THREAD_LIMIT", "1");
                    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                    return pb.start().waitFor();
                }));
            }
            for (Future<Integer> f : runs) {
                if (f.get() != 0) {
                    throw new IllegalStateException("bare tesseract failed with exit " + f.get());
                }
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Wall seconds for the ingest command on {@code docs} into a fresh index and home. */
    private static double pipeline(
            ElasticsearchConnection connection, String url, Path docs, Path home, Path tesseract, int pages)
            throws IOException {
        ElasticsearchClient client = connection.client();
        IndexNames names =
                new IndexNames("bench-ocr-" + UUID.randomUUID().toString().substring(0, 8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            long started = System.nanoTime();
            int exit = IngestCommand.run(
                    new String[] {"--es-url", url, "--index", names.alias(), docs.toString()},
                    Map.of("WENSHI_HOME", home.toString(), "WENSHI_TESSERACT", tesseract.toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (exit != 0 || !last.matches("ingested=\\d+ unchanged=0 duplicates=\\d+ skipped=0 failed=0")) {
                throw new IllegalStateException("ingest did not read every page: exit " + exit + ", " + last + "\n"
                        + err.toString(StandardCharsets.UTF_8));
            }
            double indexedPages = client.search(
                            s -> s.index(names.alias())
                                    .size(0)
                                    .aggregations("pages", a -> a.sum(m -> m.field("page_count"))),
                            Void.class)
                    .aggregations()
                    .get("pages")
                    .sum()
                    .value();
            if (Math.round(indexedPages) != pages) {
                throw new IllegalStateException("indexed " + indexedPages + " pages, not " + pages);
            }
            return seconds;
        } finally {
            client.indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        }
    }

    private static String tesseractVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", "--version")
                .redirectErrorStream(true)
                .start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("tesseract ?");
        p.waitFor();
        return first.strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
