package org.wenshi.ingest.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how a run is going: on a terminal a bar redrawn in place (done/total, rate, ETA, outcomes),
 * otherwise a plain line every few seconds (logs, CI, tests). It never prints the command's last
 * line (the command does) and never slows the run: a call that is not due returns at once.
 */
public final class Progress {
    private static final int BAR_WIDTH = 24;
    private static final long BAR_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private final Counts counts;
    private final long intervalNanos;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint = startNanos;
    private long expected = -1;
    private boolean barShown;

    public Progress(PrintStream out, Counts counts, long intervalMillis) {
        this(out, counts, intervalMillis, false);
    }

    /**
     * @param terminal draw a bar in place ({@code \r}); true only when {@code out} is an interactive
     *     console
     */
    public Progress(PrintStream out, Counts counts, long intervalMillis, boolean terminal) {
        this.out = out;
        this.counts = counts;
        this.intervalNanos = terminal ? BAR_INTERVAL_NANOS : intervalMillis * 1_000_000L;
        this.terminal = terminal;
    }

    /** The number of sources the run will see, when known beforehand (gives percentage and ETA). */
    public synchronized void expect(long total) {
        this.expected = total;
    }

    /**
     * Corrects the expected total by {@code n} when it is known: a source counted beforehand as one
     * turned out to hold others (a web archive's records).
     */
    public synchronized void expectMore(long n) {
        if (expected >= 0) {
            expected = Math.max(0, expected + n);
        }
    }

    /** Prints a line (or redraws the bar) if the interval has passed since the last one. */
    public synchronized void tick() {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            if (terminal) {
                out.print("\r" + bar(now) + "\u001b[K");
                out.flush();
                barShown = true;
            } else {
                out.println(line(now));
            }
        }
    }

    /** The summary printed just before the last line (ends the bar's line first). */
    public synchronized String summary() {
        if (barShown) {
            out.print("\r\u001b[K");
            barShown = false;
        }
        return line(System.nanoTime()).replaceFirst("^progress:", "done:");
    }

    private String bar(long now) {
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        long done = counts.total();
        double rate = done / seconds;
        StringBuilder b = new StringBuilder();
        if (expected > 0) {
            double f = Math.min(1.0, (double) done / expected);
            int filled = (int) Math.round(f * BAR_WIDTH);
            b.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR_WIDTH - filled))
                    .append("] ");
            b.append(String.format(Locale.ROOT, "%d/%d %3.0f%% ", done, expected, f * 100));
        } else {
            b.append(done).append(" sources ");
        }
        b.append(String.format(Locale.ROOT, "%.1f/s", rate));
        if (expected > 0 && rate > 0 && done < expected) {
            b.append(" ETA ").append(clock((long) ((expected - done) / rate)));
        }
        b.append(String.format(
                Locale.ROOT,
                " | new %d, same %d, dup %d, skip %d, fail %d",
                counts.get(Outcome.INDEXED),
                counts.get(Outcome.UNCHANGED),
                counts.get(Outcome.DUPLICATE),
                counts.get(Outcome.SKIPPED),
                counts.get(Outcome.FAILED)));
        return b.toString();
    }

    private String line(long now) {
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        long done = counts.total();
        double rate = done / seconds;
        String of = expected > 0 ? " of " + expected : "";
        String eta =
                expected > 0 && rate > 0 && done < expected ? ", ETA " + clock((long) ((expected - done) / rate)) : "";
        return String.format(
                Locale.ROOT,
                "progress: %d%s sources in %.1f s (%.1f/s%s): indexed %d, unchanged %d,"
                        + " duplicates %d, skipped %d, failed %d",
                done,
                of,
                seconds,
                rate,
                eta,
                counts.get(Outcome.INDEXED),
                counts.get(Outcome.UNCHANGED),
                counts.get(Outcome.DUPLICATE),
                counts.get(Outcome.SKIPPED),
                counts.get(Outcome.FAILED));
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
