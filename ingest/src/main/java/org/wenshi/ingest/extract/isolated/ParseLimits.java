package org.wenshi.ingest.extract.isolated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits of isolated parsing. The ingest process applies {@link #workers}, {@link #heapMb} and
 * {@link #timeout}; the worker receives the rest as system properties ({@link #asProperties},
 * {@link #fromProperties}).
 *
 * @param workers worker processes at most (one per core by default)
 * @param heapMb maximum heap of one worker, in MB ({@code -Xmx})
 * @param timeout time one document may take in a worker (parsing and rendering; OCR is not counted)
 * @param maxChars longest text accepted, in characters
 * @param maxPages most pages accepted
 * @param ocrDpi resolution pages without a text layer are rendered at for OCR
 * @param maxOcrPixels longest side of such a render, in pixels (bounds memory on huge pages)
 * @param maxUnpackedBytes largest total an OFD package may unpack to
 */
public record ParseLimits(
        int workers,
        int heapMb,
        Duration timeout,
        long maxChars,
        int maxPages,
        int ocrDpi,
        int maxOcrPixels,
        long maxUnpackedBytes) {

    public ParseLimits {
        if (workers < 1 || heapMb < 64 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "bad parse limits: " + workers + " workers, " + heapMb + " MB, " + timeout);
        }
    }

    /** One worker per core, 768 MB each, 120 s per document, 20 million characters, 5,000 pages, 300 dpi. */
    public static ParseLimits defaults() {
        return new ParseLimits(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                768,
                Duration.ofSeconds(120),
                20_000_000,
                5_000,
                300,
                4_000,
                1L << 30);
    }

    /**
     * The defaults, overridden by {@code WENSHI_PARSE_TIMEOUT} (seconds), {@code WENSHI_PARSE_HEAP_MB}
     * and {@code WENSHI_PARSE_WORKERS} when set in {@code env}.
     */
    public static ParseLimits fromEnvironment(Map<String, String> env) {
        ParseLimits d = defaults();
        return new ParseLimits(
                intOr(env, "WENSHI_PARSE_WORKERS", d.workers()),
                intOr(env, "WENSHI_PARSE_HEAP_MB", d.heapMb()),
                Duration.ofSeconds(
                        intOr(env, "WENSHI_PARSE_TIMEOUT", (int) d.timeout().toSeconds())),
                d.maxChars(),
                d.maxPages(),
                d.ocrDpi(),
                d.maxOcrPixels(),
                d.maxUnpackedBytes());
    }

    /** This, with another time limit per document. */
    public ParseLimits withTimeout(Duration t) {
        return new ParseLimits(workers, heapMb, t, maxChars, maxPages, ocrDpi, maxOcrPixels, maxUnpackedBytes);
    }

    /** This, with another heap limit per worker. */
    public ParseLimits withHeapMb(int mb) {
        return new ParseLimits(workers, mb, timeout, maxChars, maxPages, ocrDpi, maxOcrPixels, maxUnpackedBytes);
    }

    private static int intOr(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    /** The limits the worker applies, as {@code -D} options. */
    List<String> asProperties() {
        List<String> p = new ArrayList<>();
        p.add("-Dwenshi.parse.maxChars=" + maxChars);
        p.add("-Dwenshi.parse.maxPages=" + maxPages);
        p.add("-Dwenshi.parse.ocrDpi=" + ocrDpi);
        p.add("-Dwenshi.parse.maxOcrPixels=" + maxOcrPixels);
        p.add("-Dwenshi.parse.maxUnpackedBytes=" + maxUnpackedBytes);
        return p;
    }

    /** The limits a worker was started with (the process-side fields keep their defaults). */
    static ParseLimits fromProperties() {
        ParseLimits d = defaults();
        return new ParseLimits(
                1,
                d.heapMb(),
                d.timeout(),
                Long.getLong("wenshi.parse.maxChars", d.maxChars()),
                Integer.getInteger("wenshi.parse.maxPages", d.maxPages()),
                Integer.getInteger("wenshi.parse.ocrDpi", d.ocrDpi()),
                Integer.getInteger("wenshi.parse.maxOcrPixels", d.maxOcrPixels()),
                Long.getLong("wenshi.parse.maxUnpackedBytes", d.maxUnpackedBytes()));
    }
}
