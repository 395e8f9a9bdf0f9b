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

        // The pipeline runs tesseract through this wrapper, which notes the model, start and end of every run.
        Path runs = work.resolve("tesseract-runs.log");
        Path wrapper = work.resolve("tesseract-counting");
        Files.writeString(
                wrapper,
                "#!/bin/sh\ns=$(date +%s%N)\ntesseract \"$@\"\nrc=$?\necho \"$4 $s $(date +%s%N)\" >> '" + runs
                        + "'\nexit $rc\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));

        double fixed = pipeline(
                connection, url, Files.createDirectories(work.resolve("empty")), work.resolve("home-0"), wrapper, 0);
        System.out.printf(
                Locale.ROOT,
                "fixed cost of an ingest run (empty folder: connect, create index, report): %.1f s%n",
                fixed);

        double bareSeconds = 0;
        double pipelineSeconds = 0;
        List<String> models = new ArrayList<>();
        List<String> busy = new ArrayList<>();
        System.out.println();
        System.out.println(
                "round | bare s  pages/s  CPU s/page | pipeline s  pages/s  CPU s/page | ratio  CPU ratio | load");
        System.out.println(
                "-------------------------------------------------------------------------------------------");
        double bareCpu = 0;
        double pipelineCpu = 0;
        for (int r = 1; r <= rounds; r++) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double[] before = cpuSeconds();
            double[] bareRun = bare(pngs, cores);
            double bare = bareRun[0];
            double[] between = cpuSeconds();
            Files.deleteIfExists(runs);
            double pipeline = pipeline(connection, url, docs, work.resolve("home-" + r), wrapper, n);
            List<String[]> logged =
                    Files.readAllLines(runs).stream().map(l -> l.split(" ")).toList();
            models.add(logged.stream()
                    .collect(Collectors.groupingBy(l -> l[0], TreeMap::new, Collectors.counting()))
                    .toString());
            double pipelineBusy = logged.stream()
                            .mapToLong(l -> Long.parseLong(l[2]) - Long.parseLong(l[1]))
                            .sum()
                    / 1e9;
            busy.add(String.format(
                    Locale.ROOT,
                    "%d%% / %d%%",
                    Math.round(100 * bareRun[1] / (bare * cores)),
                    Math.round(100 * pipelineBusy / (pipeline * cores))));
            double[] after = cpuSeconds();
            double bareCpuRound = (between[0] + between[1]) - (before[0] + before[1]);
            double pipelineCpuRound = (after[0] + after[1]) - (between[0] + between[1]);
            bareSeconds += bare;
            pipelineSeconds += pipeline;
            bareCpu += bareCpuRound;
            pipelineCpu += pipelineCpuRound;
            System.out.printf(
                    Locale.ROOT,
                    "%5d | %6.1f  %7.3f  %10.2f | %10.1f  %7.3f  %10.2f | %5.2f  %9.2f | %4.1f%n",
                    r,
                    bare,
                    n / bare,
                    bareCpuRound / n,
                    pipeline,
                    n / pipeline,
                    pipelineCpuRound / n,
                    bare / pipeline,
                    bareCpuRound / pipelineCpuRound,
                    load);
        }
        System.out.println(
                "-------------------------------------------------------------------------------------------");
        System.out.printf(
                Locale.ROOT,
                "  all | %6.1f  %7.3f  %10.2f | %10.1f  %7.3f  %10.2f | %5.2f  %9.2f |%n",
                bareSeconds,
                rounds * n / bareSeconds,
                bareCpu / (rounds * n),
                pipelineSeconds,
                rounds * n / pipelineSeconds,
                pipelineCpu / (rounds * n),
                bareSeconds / pipelineSeconds,
                bareCpu / pipelineCpu);
        System.out.println("ratio = pipeline pages/s ÷ bare pages/s (target ≥ 0.85), from wall time;");
        System.out.println("CPU ratio = bare CPU s/page ÷ pipeline CPU s/page: tesseract processes plus this JVM"
                + " (decoding, page images, indexing client), not the Elasticsearch node; on a machine shared with"
                + " other work this is the steadier figure");
        System.out.println("tesseract runs of the pipeline by model, per round: " + String.join(", ", models));
        System.out.println("share of the wall time the " + cores
                + " tesseract slots were busy, bare / pipeline, per round: " + String.join(", ", busy));
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

    /**
     * Bare tesseract over all pages, {@code cores} single-threaded processes at a time: wall seconds and
     * the sum of the processes' own durations.
     */
    private static double[] bare(List<Path> pngs, int cores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            long started = System.nanoTime();
            List<Future<Long>> runs = new ArrayList<>();
            for (Path png : pngs) {
                runs.add(pool.submit(() -> {
                    ProcessBuilder pb = new ProcessBuilder(
                            "tesseract", png.toString(), "stdout", "-l", "chi_sim", "--psm", "6", "tsv");
                    pb.environment().put("OMP_THREAD_LIMIT", "1");
                    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                    long start = System.nanoTime();
                    int exit = pb.start().waitFor();
                    if (exit != 0) {
                        throw new IllegalStateException("bare tesseract failed with exit " + exit);
                    }
                    return System.nanoTime() - start;
                }));
            }
            long busy = 0;
            for (Future<Long> f : runs) {
                busy += f.get();
            }
            return new double[] {(System.nanoTime() - started) / 1e9, busy / 1e9};
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

    /**
     * CPU seconds used so far by this JVM and by its finished child processes (the tesseract runs), from
     * {@code /proc/self/stat}: utime + stime, and cutime + cstime.
     */
    private static double[] cpuSeconds() throws IOException, InterruptedException {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, so utime (14) .. cstime (17) are at 11 .. 14 here.
        double tick = clockTicks();
        return new double[] {
            (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick,
            (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick
        };
    }

    private static double ticks;

    private static double clockTicks() throws IOException, InterruptedException {
        if (ticks == 0) {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            ticks = Double.parseDouble(
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
            p.waitFor();
        }
        return ticks;
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
