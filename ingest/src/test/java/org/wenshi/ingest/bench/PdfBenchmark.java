package org.wenshi.ingest.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.wenshi.ingest.IngestCommand;
import org.wenshi.ingest.extract.ExtractInput;
import org.wenshi.ingest.extract.Extractor;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.IndexNames;

/**
 * Text-PDF pages per second, side by side in one run on the same files, with one thread per core:
 *
 * <ol>
 *   <li><b>tika</b>: Tika's AutoDetectParser in this process, text only (the bare parse);
 *   <li><b>isolated text</b>: the PDF extractor through the worker processes, without a store (text per
 *       page, cleaning, the pipe);
 *   <li><b>isolated + images</b>: the same with the store: page images and thumbnails rendered and
 *       written, originals kept;
 *   <li><b>end to end</b>: the real ingest command on the folder (extraction with images, enrichment,
 *       bulk indexing into the test node, report).
 * </ol>
 *
 * Run: {@code mvn -q -pl ingest test-compile exec:java@pdf-benchmark -Dwenshi.test.home=/tmp/wenshi-bench}
 * (optionally {@code -Dbench.docs=40 -Dbench.pages=10}).
 */
public final class PdfBenchmark {
    private static final String[] WORDS = {
        "政协", "委员会", "文史资料", "回忆", "老人", "码头", "商号", "庙会", "县城", "学校", "抗战", "解放", "合作社", "铁路", "工厂", "河道", "整理", "征集",
        "编辑", "出版", "口述", "档案", "照片", "考证", "旧址", "民国", "乡村", "，", "，", "。", "、", "；"
    };

    private PdfBenchmark() {}

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("bench.docs", 40);
        int pagesPerDoc = Integer.getInteger("bench.pages", 10);
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("wenshi-pdf-bench");
        Path folder = Files.createDirectories(dir.resolve("pdfs"));
        Random random = new Random(42);
        List<Path> files = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < pagesPerDoc; p++) {
                pages.add(pageText(random));
            }
            Path f = folder.resolve(String.format("bench_%03d.pdf", d));
            FormatWriters.writePdf(f, "文史资料样张第" + (d + 1) + "号", pages);
            files.add(f);
        }
        int pages = 0;
        long bytes = 0;
        for (Path f : files) {
            try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                pages += doc.getNumberOfPages();
            }
            bytes += Files.size(f);
        }
        System.out.printf(
                "corpus: %d PDFs, %d pages, %.1f MB, %d threads (%s)%n", docs, pages, bytes / 1e6, threads, dir);

        AutoDetectParser tika = new AutoDetectParser();
        Path store = dir.resolve("store");
        try (Extractors textOnly = new Extractors(null, null, ParseLimits.defaults());
                Extractors withImages =
                        new Extractors(new StoreWriter(new DocumentStore(store)), null, ParseLimits.defaults())) {
            // Warm up each variant on a few files (worker start, class loading, JIT, the font cache).
            run(files.subList(0, Math.min(4, files.size())), threads, f -> tika(tika, f));
            run(files.subList(0, Math.min(4, files.size())), threads, f -> extract(textOnly.forFormat(Format.PDF), f));
            run(
                    files.subList(0, Math.min(4, files.size())),
                    threads,
                    f -> extract(withImages.forFormat(Format.PDF), f));

            double[] t = new double[3];
            for (int round = 0; round < 2; round++) {
                t[0] += run(files, threads, f -> tika(tika, f));
                t[1] += run(files, threads, f -> extract(textOnly.forFormat(Format.PDF), f));
                t[2] += run(files, threads, f -> extract(withImages.forFormat(Format.PDF), f));
            }
            String[] names = {"tika (bare parse, in process)", "isolated text (workers, no images)", "isolated + images"
            };
            System.out.printf("%-40s %10s %10s %12s%n", "variant (2 rounds)", "seconds", "pages/s", "vs tika");
            for (int i = 0; i < 3; i++) {
                System.out.printf("%-40s %10.1f %10.1f %12.2f%n", names[i], t[i], 2 * pages / t[i], t[0] / t[i]);
            }
            double tikaRate = 2 * pages / t[0];
            double e2e = endToEnd(folder, dir.resolve("home"));
            System.out.printf(
                    "%-40s %10.1f %10.1f %12.2f%n",
                    "end to end (ingest command, 1 run)", e2e, pages / e2e, (pages / e2e) / tikaRate);
        }
    }

    private interface Work {
        void on(Path file) throws Exception;
    }

    private static double run(List<Path> files, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    work.on(f);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void tika(AutoDetectParser tika, Path file) throws Exception {
        try (InputStream in = TikaInputStream.get(file)) {
            BodyContentHandler handler = new BodyContentHandler(-1);
            tika.parse(in, handler, new Metadata(), new ParseContext());
            if (handler.toString().isBlank()) {
                throw new IllegalStateException("no text from " + file);
            }
        }
    }

    private static void extract(Extractor extractor, Path file) throws Exception {
        extractor.extract(new ExtractInput(Files.readAllBytes(file), Source.ofFile(file), Optional.empty()));
    }

    private static double endToEnd(Path folder, Path home) throws Exception {
        IndexNames names =
                new IndexNames("bench-pdf-" + UUID.randomUUID().toString().substring(0, 8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = IngestCommand.run(
                new String[] {"--es-url", TestNode.url().toString(), "--index", names.alias(), folder.toString()},
                Map.of("WENSHI_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        System.out.println("end to end: " + lines.get(lines.size() - 1) + " (exit " + exit + ")");
        try (ElasticsearchConnection c =
                ElasticsearchConnection.open(TestNode.url().toString())) {
            c.client().indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        }
        return seconds;
    }

    /** About 900 characters of invented text, in paragraphs. */
    private static String pageText(Random random) {
        StringBuilder s = new StringBuilder();
        while (s.length() < 900) {
            StringBuilder paragraph = new StringBuilder();
            int n = 40 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                paragraph.append(WORDS[random.nextInt(WORDS.length)]);
            }
            s.append(paragraph).append("。\n");
        }
        return s.toString();
    }
}
