package org.wenshi.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OCR by the Tesseract command ({@code tesseract}, Debian package {@code tesseract-ocr} with the
 * Chinese models): one process per page, single-threaded ({@code OMP_THREAD_LIMIT=1}: with its own
 * threads Tesseract is ten times slower on these machines), at most {@link Settings#processes} at
 * once however many threads ask, each killed when it exceeds the page timeout.
 *
 * <p>Models: horizontal pages are read with {@code --psm 6} (one uniform block; the automatic layout
 * analysis of {@code --psm 3} cut a plain page into fragments and lost 60% of its characters),
 * vertical pages with the {@code _vert} models and {@code --psm 5}. Whether a page is vertical is
 * told from its pixels ({@link PageLayout}). The script, when unknown, is chosen by confidence: the
 * simplified model's result is kept when it is sure, else the traditional model reads the page too
 * and the more confident reading wins (each model reads the other script's characters as its own,
 * so the text itself cannot tell).
 *
 * <p>It never returns text with whitespace between Han characters, and never lets a failure of
 * one page escape as anything but an {@link OcrException} naming the cause (a missing program or
 * model names the Debian package to install).
 */
public final class TesseractOcr implements Ocr, AutoCloseable {
    /** Above this mean confidence the first reading of a horizontal page of unknown script is kept. */
    static final double SURE_HORIZONTAL = 88;
    /** Above this mean confidence the first reading of a vertical page of unknown script is kept. */
    static final double SURE_VERTICAL = 82;

    private static final Pattern FAILED_LANGUAGE = Pattern.compile("Failed loading language '([^']+)'");

    /**
     * How OCR runs.
     *
     * @param executable the tesseract program (a name looked up on the PATH, or a path)
     * @param processes how many tesseract processes may run at once
     * @param pageTimeout how long one page may take before its process is killed
     * @param tessdata the model folder ({@code TESSDATA_PREFIX}), or null for Tesseract's own default
     */
    public record Settings(String executable, int processes, Duration pageTimeout, Path tessdata) {
        public Settings {
            if (processes < 1) {
                throw new IllegalArgumentException("OCR processes must be at least 1: " + processes);
            }
            if (pageTimeout.isNegative() || pageTimeout.isZero()) {
                throw new IllegalArgumentException("OCR page timeout must be positive: " + pageTimeout);
            }
        }

        /** {@code tesseract} on the PATH, one process per core, five minutes per page. */
        public static Settings defaults() {
            return new Settings("tesseract", Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(5), null);
        }

        /**
         * The defaults overridden by {@code WENSHI_TESSERACT} (program), {@code WENSHI_OCR_PROCESSES}
         * and {@code WENSHI_OCR_PAGE_TIMEOUT} (seconds).
         *
         * @throws IllegalArgumentException when a value is not a positive number
         */
        public static Settings fromEnvironment(Map<String, String> env) {
            Settings d = defaults();
            String executable = present(env.get("WENSHI_TESSERACT"))
                    ? env.get("WENSHI_TESSERACT").trim()
                    : d.executable;
            int processes = present(env.get("WENSHI_OCR_PROCESSES"))
                    ? positive("WENSHI_OCR_PROCESSES", env.get("WENSHI_OCR_PROCESSES"))
                    : d.processes;
            Duration timeout = present(env.get("WENSHI_OCR_PAGE_TIMEOUT"))
                    ? Duration.ofSeconds(positive("WENSHI_OCR_PAGE_TIMEOUT", env.get("WENSHI_OCR_PAGE_TIMEOUT")))
                    : d.pageTimeout;
            return new Settings(executable, processes, timeout, null);
        }

        private static boolean present(String v) {
            return v != null && !v.isBlank();
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
        }
    }

    /** A Tesseract model and how it reads. */
    enum Model {
        CHI_SIM("chi_sim", 6, Script.SIMPLIFIED),
        CHI_TRA("chi_tra", 6, Script.TRADITIONAL),
        CHI_SIM_VERT("chi_sim_vert", 5, Script.SIMPLIFIED),
        CHI_TRA_VERT("chi_tra_vert", 5, Script.VERTICAL_TRADITIONAL);

        final String language;
        final int psm;
        final Script script;

        Model(String language, int psm, Script script) {
            this.language = language;
            this.psm = psm;
            this.script = script;
        }

        /** True for the models that read columns. */
        boolean vertical() {
            return psm == 5;
        }

        /** The Debian package that installs this model. */
        String debianPackage() {
            return "tesseract-ocr-" + language.replace('_', '-');
        }
    }

    private final Settings settings;
    private final Semaphore permits;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Path workDir;

    public TesseractOcr(Settings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.processes(), true);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public int concurrency() {
        return settings.processes();
    }

    @Override
    public OcrResult recognize(BufferedImage page, Script script) throws OcrException {
        BufferedImage gray = Greyscale.of(page);
        boolean vertical = PageLayout.vertical(gray.getRaster());
        Path input = writeInput(gray);
        try {
            return switch (script) {
                case SIMPLIFIED -> read(input, gray, vertical ? Model.CHI_SIM_VERT : Model.CHI_SIM);
                case TRADITIONAL, VERTICAL_TRADITIONAL ->
                    read(input, gray, vertical ? Model.CHI_TRA_VERT : Model.CHI_TRA);
                case UNKNOWN -> readUnknown(input, gray, vertical);
            };
        } finally {
            deleteQuietly(input);
        }
    }

    /** Reads a page of unknown script: the likelier model first, the other when the first is unsure. */
    private OcrResult readUnknown(Path input, BufferedImage gray, boolean vertical) throws OcrException {
        Model first = vertical ? Model.CHI_TRA_VERT : Model.CHI_SIM;
        Model second = vertical ? Model.CHI_SIM_VERT : Model.CHI_TRA;
        OcrResult a = read(input, gray, first);
        if (a.confidence() >= (vertical ? SURE_VERTICAL : SURE_HORIZONTAL)) {
            return a;
        }
        OcrResult b = read(input, gray, second);
        return b.confidence() > a.confidence() ? b : a;
    }

    /** Reads the page in {@code input} with {@code model}, waiting for a free process slot. */
    OcrResult read(Path input, BufferedImage gray, Model model) throws OcrException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("OCR interrupted while waiting for a free Tesseract process");
        }
        try {
            return runTesseract(input, gray, model);
        } finally {
            permits.release();
        }
    }

    private OcrResult runTesseract(Path input, BufferedImage gray, Model model) throws OcrException {
        if (closed) {
            throw new OcrException("OCR engine closed");
        }
        Path out = tempFile(".tsv");
        Path err = tempFile(".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(
                    settings.executable(),
                    input.toString(),
                    "stdout",
                    "-l",
                    model.language,
                    "--psm",
                    Integer.toString(model.psm),
                    "tsv");
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            if (settings.tessdata() != null) {
                pb.environment().put("TESSDATA_PREFIX", settings.tessdata().toString());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new OcrException("Tesseract is not installed: cannot run '" + settings.executable()
                        + "' (install the Debian package tesseract-ocr)");
            }
            running.add(process);
            int exit;
            try {
                if (!process.waitFor(settings.pageTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    throw new OcrException("OCR of a page took longer than "
                            + settings.pageTimeout().toSeconds() + " s; Tesseract was stopped");
                }
                exit = process.exitValue();
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new OcrException("OCR interrupted; Tesseract was stopped");
            } finally {
                running.remove(process);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw failure(model, exit, stderr);
            }
            return TsvReader.read(
                    Files.readString(out, StandardCharsets.UTF_8),
                    gray.getWidth(),
                    gray.getHeight(),
                    model.script,
                    model.vertical());
        } catch (IOException e) {
            throw new OcrException("cannot read Tesseract's output: " + e.getMessage(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private OcrException failure(Model model, int exit, String stderr) {
        Matcher m = FAILED_LANGUAGE.matcher(stderr);
        if (m.find()) {
            return new OcrException("Tesseract model " + m.group(1) + " is missing (install the Debian package "
                    + model.debianPackage() + ")");
        }
        if (exit > 128) {
            return new OcrException(
                    "Tesseract crashed (signal " + (exit - 128) + ") reading the page with " + model.language);
        }
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        return new OcrException("Tesseract failed (exit " + exit + ")"
                + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip()));
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the page as a binary PGM (no encoding cost, read by Tesseract's Leptonica). */
    private Path writeInput(BufferedImage gray) throws OcrException {
        if (closed) {
            throw new OcrException("OCR engine closed");
        }
        Path file = tempFile(".pgm");
        int w = gray.getWidth();
        int h = gray.getHeight();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[w];
            for (int y = 0; y < h; y++) {
                gray.getRaster().getDataElements(0, y, w, 1, row);
                out.write(row);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new OcrException("cannot write the page for Tesseract: " + e.getMessage(), e);
        }
        return file;
    }

    private Path tempFile(String suffix) throws OcrException {
        try {
            return Files.createTempFile(workDir(), "page-", suffix);
        } catch (IOException e) {
            throw new OcrException("cannot create a temporary file for OCR: " + e.getMessage(), e);
        }
    }

    private synchronized Path workDir() throws IOException {
        if (closed) {
            throw new IOException("OCR engine closed");
        }
        if (workDir == null) {
            workDir = Files.createTempDirectory("wenshi-ocr-");
        }
        return workDir;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is removed with the folder at close
        }
    }

    /** Stops running processes and removes the temporary files; later calls fail. */
    @Override
    public void close() {
        closed = true;
        for (Process p : running) {
            kill(p);
        }
        Path dir;
        synchronized (this) {
            dir = workDir;
            workDir = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(TesseractOcr::deleteQuietly);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove OCR temporary folder " + dir, e);
            }
        }
    }
}
