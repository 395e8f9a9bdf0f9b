package org.wenshi.ingest.extract.isolated;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wenshi.ingest.extract.ExtractionException;

/**
 * A bounded pool of {@link ParseWorker} child JVMs, at most {@link ParseLimits#workers()} at once, each
 * with its own {@code -Xmx}: started on first use, or ahead of it by {@link #startInBackground} (a
 * worker's start and warm-up take seconds that the first document would otherwise wait for; nobody
 * but a document that needs a worker ever waits for a start). A worker that timed out, ran out of
 * memory or crashed is discarded and the next document gets a fresh one, so a bad document affects
 * only itself. Thread-safe. {@link #close} ends every worker (and a shutdown hook
 * does if the pool is never closed).
 *
 * <p>The worker runs the same code as this process: from a class folder or a plain class path
 * (tests, {@code exec:java}) with that class path, and from the Spring Boot executable jar through the
 * jar's own {@code PropertiesLauncher}, which reads the nested {@code BOOT-INF/lib} jars.
 */
public final class ParserPool implements AutoCloseable {
    /** JVM start, parser loading and warm-up (on a fresh machine PDFBox builds its font cache then). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final ParseLimits limits;
    private final List<String> command;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<WorkerProcess> idle = new ConcurrentLinkedQueue<>();
    private final Set<WorkerProcess> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Thread shutdownHook;
    private final AtomicBoolean startedInBackground = new AtomicBoolean();
    private volatile boolean closed;

    public ParserPool(ParseLimits limits) {
        this.limits = limits;
        this.command = command(limits);
        this.permits = new Semaphore(limits.workers(), true);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wenshi-parse-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::killAll, "wenshi-parse-pool-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public ParseLimits limits() {
        return limits;
    }

    /** Parses one document in a worker; a bad document, a timeout or a dead worker is an {@link ExtractionException}. */
    public ParsedDocument parse(ParseRequest request) throws ExtractionException {
        if (closed) {
            throw new IllegalStateException("parser pool closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("interrupted while waiting for a parse worker");
        }
        WorkerProcess worker = null;
        try {
            worker = idle.poll();
            while (worker != null && !worker.alive()) {
                discard(worker);
                worker = idle.poll();
            }
            if (worker == null) {
                worker = startWorker();
            }
            return worker.parse(request, limits.timeout(), timer);
        } finally {
            if (worker != null) {
                if (worker.alive() && !closed) {
                    idle.add(worker);
                } else {
                    discard(worker);
                }
            }
            permits.release();
        }
    }

    /**
     * Starts every worker on background threads and returns at once; only the first call does
     * anything, and nothing is started when documents are already being parsed. The first worker
     * starts alone with every permit held: a document that needs a worker meanwhile waits for it
     * rather than starting a cold one, and on a fresh machine it builds PDFBox's font cache, which the
     * others, started next side by side, then read. A worker that fails to start is left to the
     * document that needs one, which starts its own and reports why.
     */
    public void startInBackground() {
        if (closed || !startedInBackground.compareAndSet(false, true)) {
            return;
        }
        background(this::startAll);
    }

    private void startAll() {
        int workers = limits.workers();
        if (!permits.tryAcquire(workers)) {
            return;
        }
        if (!startIdleWorker()) {
            permits.release(workers - 1);
            return;
        }
        for (int i = 1; i < workers; i++) {
            background(this::startIdleWorker);
        }
    }

    /** Starts a worker into the idle ones and releases the permit held for it; false when none started. */
    private boolean startIdleWorker() {
        try {
            if (closed) {
                return false;
            }
            idle.add(startWorker());
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            permits.release();
        }
    }

    private static void background(Runnable task) {
        Thread t = new Thread(task, "wenshi-parse-start");
        t.setDaemon(true);
        t.start();
    }

    /** Worker processes started so far and still counted (for tests: a killed worker is replaced). */
    public List<Long> workerPids() {
        return all.stream().map(WorkerProcess::pid).toList();
    }

    /** Starts a worker and waits until it is ready; counted from launch, so {@link #close} ends a starting one too. */
    private WorkerProcess startWorker() {
        WorkerProcess w;
        try {
            w = WorkerProcess.launch(command, limits.heapMb());
        } catch (IOException e) {
            throw new IllegalStateException("the parse worker did not start: " + e.getMessage(), e);
        }
        all.add(w);
        if (closed) {
            discard(w);
            throw new IllegalStateException("parser pool closed");
        }
        try {
            w.awaitReady(START_TIMEOUT, timer);
            return w;
        } catch (IOException | RuntimeException e) {
            discard(w);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void discard(WorkerProcess w) {
        all.remove(w);
        w.kill();
    }

    @Override
    public void close() {
        closed = true;
        WorkerProcess w;
        while ((w = idle.poll()) != null) {
            all.remove(w);
            w.close();
        }
        killAll();
        timer.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down.
        }
    }

    private void killAll() {
        for (WorkerProcess w : all) {
            w.kill();
        }
        all.clear();
    }

    /** The command that starts a worker running this process's code. */
    static List<String> command(ParseLimits limits) {
        List<String> c = new ArrayList<>();
        c.add(javaExecutable());
        c.add("-Xmx" + limits.heapMb() + "m");
        c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-XX:+DisplayVMOutputToStderr"); // the JVM's own messages must not reach the protocol on stdout
        c.add("-XX:+UseSerialGC");
        c.add("-Xss4m");
        c.add("-Djava.awt.headless=true");
        c.add("-Dfile.encoding=UTF-8");
        c.addAll(limits.asProperties());
        String bootJar = bootJar();
        if (bootJar != null) {
            c.add("-Dloader.main=" + ParseWorker.class.getName());
            c.add("-cp");
            c.add(bootJar);
            c.add(BOOT_LAUNCHER);
        } else {
            c.add("-cp");
            c.add(classPath());
            c.add(ParseWorker.class.getName());
        }
        return c;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The executable jar when this code runs from a Spring Boot jar, else null. */
    private static String bootJar() {
        ClassLoader loader = ParserPool.class.getClassLoader();
        if (loader == null || !loader.getClass().getName().startsWith("org.springframework.boot.loader")) {
            return null;
        }
        String cp = System.getProperty("java.class.path", "");
        if (cp.isEmpty() || cp.contains(File.pathSeparator)) {
            throw new IllegalStateException(
                    "running from a Spring Boot jar, but java.class.path is not that jar: " + cp);
        }
        return cp;
    }

    /**
     * This code's class path: the URLs of the class loader that loaded it when that is a
     * {@link URLClassLoader} ({@code exec:java}, IDEs), else {@code java.class.path}.
     */
    private static String classPath() {
        if (ParserPool.class.getClassLoader() instanceof URLClassLoader u) {
            List<String> entries = new ArrayList<>();
            for (URL url : u.getURLs()) {
                if (url.getProtocol().equals("file")) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        entries.add(url.getPath());
                    }
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path", "");
    }
}
