package org.wenshi.ingest.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a progress line every few seconds while a run works: sources done, outcomes so far, rate.
 * It never prints the command's last line (the command does) and never slows the run: a call that
 * is not due returns at once.
 */
public final class Progress {
    private final PrintStream out;
    private final Counts counts;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastPrint = startNanos;

    public Progress(PrintStream out, Counts counts, long intervalMillis) {
        this.out = out;
        this.counts = counts;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Prints a line if the interval has passed since the last one. */
    public synchronized void tick() {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            out.println(line(now));
        }
    }

    /** The summary printed just before the last line. */
    public synchronized String summary() {
        return line(System.nanoTime()).replaceFirst("^progress:", "done:");
    }

    private String line(long now) {
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        long done = counts.total();
        return String.format(
                Locale.ROOT,
                "progress: %d sources in %.1f s (%.1f/s): indexed %d, unchanged %d,"
                        + " duplicates %d, skipped %d, failed %d",
                done,
                seconds,
                done / seconds,
                counts.get(Outcome.INDEXED),
                counts.get(Outcome.UNCHANGED),
                counts.get(Outcome.DUPLICATE),
                counts.get(Outcome.SKIPPED),
                counts.get(Outcome.FAILED));
    }
}
