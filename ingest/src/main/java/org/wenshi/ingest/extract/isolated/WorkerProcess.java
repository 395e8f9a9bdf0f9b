package org.wenshi.ingest.extract.isolated;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wenshi.ingest.extract.ExtractionException;

/**
 * One running {@link ParseWorker} child process and its pipes. Used by one thread at a time. Any
 * failure of the process itself (a timeout, an out-of-memory exit, a crash, a broken pipe) becomes
 * an {@link ExtractionException} naming it, and leaves this worker {@linkplain #alive() dead} so the
 * pool replaces it; it never lets a child outlive a timeout.
 */
final class WorkerProcess {
    /** The JVM's exit code after {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private static final int STDERR_LINES = 20;

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final int heapMb;
    private final String commandStart;
    private boolean broken;

    private WorkerProcess(Process process, int heapMb, String commandStart) {
        this.process = process;
        this.heapMb = heapMb;
        this.commandStart = commandStart;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        Thread drain = new Thread(this::drainStderr, "wenshi-parse-worker-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts a worker process with {@code command}; it takes work once {@link #awaitReady} returns. */
    static WorkerProcess launch(List<String> command, int heapMb) throws IOException {
        Process p = new ProcessBuilder(command).start();
        return new WorkerProcess(p, heapMb, String.join(" ", command.subList(0, Math.min(command.size(), 3))));
    }

    /**
     * Waits until the worker has loaded and warmed its parsers; a worker that dies, answers garbage or
     * is not ready within {@code startTimeout} is killed and the reason thrown.
     */
    void awaitReady(Duration startTimeout, ScheduledExecutorService timer) throws IOException {
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> watchdog = killAfter(process, startTimeout, late, timer);
        try {
            int ready = in.readInt();
            if (ready != ParseWorker.READY) {
                throw new IOException("the parse worker answered garbage at start: " + Integer.toHexString(ready));
            }
        } catch (IOException e) {
            kill();
            throw new IOException(
                    "the parse worker did not start" + (late.get() ? " within " + startTimeout.toSeconds() + " s" : "")
                            + ": " + lastError() + " (command: " + commandStart + " ...)",
                    e);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Parses one document within {@code timeout}; afterwards check {@link #alive()}. */
    ParsedDocument parse(ParseRequest request, Duration timeout, ScheduledExecutorService timer)
            throws ExtractionException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = killAfter(process, timeout, timedOut, timer);
        try {
            request.write(out);
            out.flush();
            byte status = in.readByte();
            if (status == ParseWorker.OK) {
                return ParsedDocument.read(in);
            }
            if (status == ParseWorker.FAILED) {
                throw new ExtractionException(Wire.readString(in));
            }
            broken = true;
            throw new ExtractionException(deathReason(false, timeout));
        } catch (IOException e) {
            broken = true;
            throw new ExtractionException(deathReason(timedOut.get(), timeout));
        } finally {
            watchdog.cancel(false);
            if (timedOut.get()) {
                broken = true;
            }
        }
    }

    /** Kills {@code p} after {@code delay} unless cancelled, setting {@code fired} first. */
    private static ScheduledFuture<?> killAfter(
            Process p, Duration delay, AtomicBoolean fired, ScheduledExecutorService timer) {
        return timer.schedule(
                () -> {
                    fired.set(true);
                    p.destroyForcibly();
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private String deathReason(boolean timedOut, Duration timeout) {
        if (timedOut) {
            return "parse timed out after " + seconds(timeout) + " s (worker killed)";
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "parser error: the parse worker broke the protocol";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return "parser error: interrupted";
        }
        int exit = process.exitValue();
        if (exit == OUT_OF_MEMORY_EXIT || lastError().contains("OutOfMemoryError")) {
            return "parser ran out of memory (worker limit " + heapMb + " MB)";
        }
        return "parser crashed (exit code " + exit + ")" + (lastError().isEmpty() ? "" : ": " + lastError());
    }

    /** {@code 120} for whole seconds, {@code 0.5} otherwise. */
    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : java.math.BigDecimal.valueOf(d.toMillis(), 3)
                        .stripTrailingZeros()
                        .toPlainString();
    }

    boolean alive() {
        return !broken && process.isAlive();
    }

    /** Ends the process: closing stdin lets it exit; a stuck one is killed. */
    void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    void kill() {
        broken = true;
        process.destroyForcibly();
    }

    long pid() {
        return process.pid();
    }

    private String lastError() {
        synchronized (stderr) {
            for (var it = stderr.descendingIterator(); it.hasNext(); ) {
                String line = it.next().strip();
                if (!line.isEmpty()
                        && !line.startsWith("at ")
                        && !line.startsWith("WARN")
                        && !line.startsWith("INFO")) {
                    return line.length() > 300 ? line.substring(0, 300) : line;
                }
            }
            return "";
        }
    }

    private void drainStderr() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }
}
