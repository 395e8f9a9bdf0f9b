package org.wenshi.localnode;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The managed Elasticsearch node of one home ({@code $WENSHI_HOME}, default {@code ~/.wenshi}):
 * {@link #ensureRunning()}, {@link #stop()}, {@link #status()}.
 *
 * <p>Exists so that a developer, ingest, the portal and every test get a working Elasticsearch with
 * the project's analysis plugin without installing anything, and so that they all share one node per
 * home instead of each starting its own. The server is started daemonized ({@code bin/elasticsearch
 * -d}, in its own session): it outlives the JVM that started it and is stopped with {@code java -jar
 * wenshi-local-node.jar stop}.
 *
 * <p>Rules it keeps, and must never break:
 *
 * <ul>
 *   <li>never two nodes for one home: every start and stop runs under an exclusive lock on {@code
 *       launcher.lock} (all JVMs) and a running recorded node is reused;
 *   <li>never Elasticsearch as root (see {@link ServerUser});
 *   <li>never listen beyond 127.0.0.1 (see {@link ElasticsearchYml});
 *   <li>never kill a process it cannot tie to this home: the pid is checked against the command line
 *       (a recycled pid is left alone);
 *   <li>never delete {@code data/}: it is the user's index.
 * </ul>
 */
public final class LocalNode {

    static final String HOME_VARIABLE = "WENSHI_HOME";

    private static final Logger LOG = System.getLogger(LocalNode.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUICK_HEALTH = Duration.ofSeconds(3);
    /** How long a recorded server that is alive but silent gets before it is replaced. */
    private static final Duration SILENT_GRACE = Duration.ofSeconds(15);

    private static final int LOG_LINES = 40;

    /** FileChannel locks are per JVM, not per thread: threads of one JVM queue here first. */
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final NodeLayout layout;
    private final Map<String, String> environment;

    private LocalNode(Path home, Map<String, String> environment) {
        this.layout = new NodeLayout(home);
        this.environment = Map.copyOf(environment);
    }

    /** The node of {@code home}; nothing is read or started yet. */
    public static LocalNode forHome(Path home) {
        return new LocalNode(home, System.getenv());
    }

    static LocalNode forHome(Path home, Map<String, String> environment) {
        return new LocalNode(home, environment);
    }

    /** {@code $WENSHI_HOME}, else {@code ~/.wenshi}. */
    public static Path defaultHome() {
        return defaultHome(System.getenv());
    }

    static Path defaultHome(Map<String, String> environment) {
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home.trim()).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".wenshi")
                .toAbsolutePath()
                .normalize();
    }

    public Path home() {
        return layout.home();
    }

    /** {@code <home>/elasticsearch}: the install, data, logs and the record of the node. */
    public Path nodeDirectory() {
        return layout.nodeDir();
    }

    /**
     * Returns this home's node, starting it when it does not run. Blocks while another JVM starts or
     * stops it, and until the node serves requests (all primary shards active).
     *
     * @throws LocalNodeException when the node cannot be installed or started; the message says why
     *     and carries the end of the node's logs
     */
    public RunningNode ensureRunning() {
        LocalNodeProperties properties = LocalNodeProperties.fromEnvironment(environment);
        return underLauncherLock(() -> {
            NodeInstaller installer = new NodeInstaller(layout, properties);
            Path wanted = installer.installDir();
            Optional<RunningNode> recorded = NodeStateFile.read(layout.stateFile());
            if (recorded.isPresent()) {
                RunningNode node = recorded.get();
                boolean answers = answersAsThisHome(node, QUICK_HEALTH);
                if (!answers && isThisHomesServer(node.pid())) {
                    answers = awaitAnswer(node, SILENT_GRACE);
                }
                if (answers && node.installDir().equals(wanted)) {
                    LOG.log(
                            Level.DEBUG,
                            "reusing Elasticsearch at {0} (pid {1})",
                            node.url(),
                            Long.toString(node.pid()));
                    return node;
                }
            }
            // Install before stopping anything: a broken install must not take a working node down.
            Path installDir = installer.ensureInstalled();
            if (recorded.isPresent()) {
                RunningNode node = recorded.get();
                if (!node.installDir().equals(wanted) && isThisHomesServer(node.pid())) {
                    LOG.log(
                            Level.INFO,
                            "restarting Elasticsearch of {0}: it runs from {1}, this build needs {2}",
                            layout.home(),
                            node.installDir().getFileName(),
                            wanted.getFileName());
                } else if (isThisHomesServer(node.pid())) {
                    LOG.log(
                            Level.WARNING,
                            "Elasticsearch pid {0} does not answer: replacing it",
                            Long.toString(node.pid()));
                }
                terminate(node.pid());
                NodeStateFile.delete(layout.stateFile());
            }
            terminateStrayServers();
            installer.removeOtherInstalls(installDir);
            return start(installDir, properties);
        });
    }

    /**
     * Stops this home's node: SIGTERM, up to 60 s for a clean shutdown, then SIGKILL; removes the
     * record.
     *
     * @return whether a running node was stopped
     */
    public boolean stop() {
        if (!Files.isDirectory(layout.nodeDir())) {
            return false;
        }
        return underLauncherLock(() -> {
            boolean stopped = false;
            Optional<RunningNode> recorded = NodeStateFile.read(layout.stateFile());
            if (recorded.isPresent()) {
                stopped = terminate(recorded.get().pid());
                NodeStateFile.delete(layout.stateFile());
            }
            return terminateStrayServers() || stopped;
        });
    }

    /** What runs now; starts and stops nothing. */
    public NodeStatus status() {
        Optional<RunningNode> recorded = NodeStateFile.read(layout.stateFile());
        if (recorded.isEmpty()) {
            return new NodeStatus(layout.home(), NodeStatus.State.STOPPED, null, null);
        }
        RunningNode node = recorded.get();
        Optional<ClusterHealth> health = ClusterHealth.ask(node.url(), "", QUICK_HEALTH);
        if (health.isPresent() && health.get().clusterName().equals(node.clusterName())) {
            return new NodeStatus(
                    layout.home(), NodeStatus.State.RUNNING, node, health.get().status());
        }
        if (isThisHomesServer(node.pid())) {
            return new NodeStatus(layout.home(), NodeStatus.State.NOT_RESPONDING, node, null);
        }
        return new NodeStatus(layout.home(), NodeStatus.State.STOPPED, null, null);
    }

    private RunningNode start(Path installDir, LocalNodeProperties properties) {
        NodePorts ports = NodePorts.choose(layout);
        ServerUser user = ServerUser.forThisProcess();
        prepareFolders(installDir, ports, user);

        List<String> command = new ArrayList<>();
        // Its own session: a Ctrl-C aimed at the JVM that started the node must not reach the node.
        ExternalCommand.find("setsid").ifPresent(setsid -> command.addAll(List.of(setsid.toString(), "--wait")));
        command.addAll(user.commandPrefix());
        command.addAll(List.of(
                installDir.resolve("bin/elasticsearch").toString(),
                "-d",
                "-p",
                layout.pidFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(layout.cliOutput().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + properties.heap() + " -Xmx" + properties.heap());
        env.put("ES_TMPDIR", layout.tmpDir().toString());
        env.put("ES_PATH_CONF", layout.configDir().toString());
        env.remove("CLI_JAVA_OPTS");

        URI url = URI.create("http://127.0.0.1:" + ports.http());
        long started = System.nanoTime();
        long deadline = started + properties.startTimeout().toNanos();
        LOG.log(
                Level.INFO,
                "starting Elasticsearch {0} for {1} at {2} as {3}",
                properties.elasticsearchVersion(),
                layout.home(),
                url,
                user.name());
        long logStart = sizeOf(layout.serverLog());
        Long pid = null;
        try {
            Process cli = builder.start();
            if (!cli.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
                cli.descendants().forEach(ProcessHandle::destroyForcibly);
                cli.destroyForcibly();
                throw failure(
                        "bin/elasticsearch did not finish starting within "
                                + properties.startTimeout().toSeconds() + " s",
                        url,
                        logStart);
            }
            pid = readPid();
            if (cli.exitValue() != 0) {
                throw failure("bin/elasticsearch exited with code " + cli.exitValue(), url, logStart);
            }
            if (pid == null) {
                throw failure("bin/elasticsearch wrote no pid file " + layout.pidFile(), url, logStart);
            }
            RunningNode node = new RunningNode(
                    pid,
                    url,
                    ports.http(),
                    ports.transport(),
                    layout.clusterName(),
                    properties.elasticsearchVersion(),
                    installDir);
            NodeStateFile.write(layout.stateFile(), node);
            awaitUsable(node, deadline, properties.startTimeout(), logStart);
            LOG.log(
                    Level.INFO,
                    "Elasticsearch {0} of {1} serves {2} (pid {3}), started in {4} ms",
                    properties.elasticsearchVersion(),
                    layout.home(),
                    url,
                    Long.toString(pid),
                    Long.toString((System.nanoTime() - started) / 1_000_000));
            return node;
        } catch (IOException e) {
            cleanUpFailedStart(pid);
            throw failure("cannot run " + String.join(" ", command) + ": " + e.getMessage(), url, logStart);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUpFailedStart(pid);
            throw new LocalNodeException("interrupted while starting Elasticsearch", e);
        } catch (RuntimeException e) {
            cleanUpFailedStart(pid);
            throw e;
        }
    }

    private void prepareFolders(Path installDir, NodePorts ports, ServerUser user) {
        try {
            for (Path dir : layout.serverWritableDirs()) {
                Files.createDirectories(dir);
            }
            // The distribution's config (jvm.options, log4j2.properties, ...) follows the installed version;
            // files the server made itself (the keystore) stay.
            try (DirectoryStream<Path> files = Files.newDirectoryStream(installDir.resolve("config"))) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)
                            && !file.getFileName().toString().equals("elasticsearch.yml")) {
                        Files.copy(
                                file,
                                layout.configDir().resolve(file.getFileName()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(
                    layout.configDir().resolve("elasticsearch.yml"),
                    ElasticsearchYml.render(layout, ports),
                    StandardCharsets.UTF_8);
            Files.deleteIfExists(layout.pidFile());
            Files.deleteIfExists(layout.cliOutput());
        } catch (IOException e) {
            throw new LocalNodeException("cannot prepare " + layout.nodeDir() + ": " + e.getMessage(), e);
        }
        user.prepare(
                layout.nodeDir(),
                List.of(layout.configDir(), layout.logsDir(), layout.tmpDir()),
                List.of(installDir, layout.dataDir()));
    }

    /**
     * Waits for yellow (the node serves requests), makes every future index of this single node
     * replica-free ({@link SingleNodeTemplate}), then waits for green within the same deadline.
     */
    private void awaitUsable(RunningNode node, long deadline, Duration timeout, long logStart)
            throws InterruptedException {
        awaitStatus(node, "yellow", deadline, timeout, logStart);
        try {
            SingleNodeTemplate.install(node.url());
        } catch (IOException e) {
            throw failure("could not install the single-node index template: " + e.getMessage(), node.url(), logStart);
        }
        awaitStatus(node, "green", deadline, timeout, logStart);
    }

    private void awaitStatus(RunningNode node, String wanted, long deadline, Duration timeout, long logStart)
            throws InterruptedException {
        while (true) {
            long remaining = remainingMillis(deadline);
            if (remaining <= 0) {
                String detail = "green".equals(wanted) ? SingleNodeTemplate.describeUnassigned(node.url()) : "";
                throw failure(
                        "Elasticsearch did not reach " + wanted + " health within " + timeout.toSeconds() + " s"
                                + detail,
                        node.url(),
                        logStart);
            }
            if (!isAlive(node.pid())) {
                throw failure(
                        "the Elasticsearch process (pid " + node.pid() + ") exited while starting",
                        node.url(),
                        logStart);
            }
            long waitSeconds = Math.max(1, Math.min(10, remaining / 1000));
            Optional<ClusterHealth> health = ClusterHealth.ask(
                    node.url(),
                    "?wait_for_status=" + wanted + "&timeout=" + waitSeconds + "s",
                    Duration.ofSeconds(waitSeconds + 5));
            if (health.isPresent()) {
                if (!health.get().clusterName().equals(node.clusterName())) {
                    throw failure(
                            node.url() + " is answered by cluster '"
                                    + health.get().clusterName() + "', not by this home's '" + node.clusterName() + "'",
                            node.url(),
                            logStart);
                }
                if (health.get().reached(wanted)) {
                    return;
                }
            } else {
                Thread.sleep(250);
            }
        }
    }

    private boolean answersAsThisHome(RunningNode node, Duration timeout) {
        if (!node.clusterName().equals(layout.clusterName())) {
            return false;
        }
        return ClusterHealth.ask(node.url(), "", timeout)
                .filter(health -> health.clusterName().equals(node.clusterName()))
                .isPresent();
    }

    private boolean awaitAnswer(RunningNode node, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && isThisHomesServer(node.pid())) {
            if (answersAsThisHome(node, QUICK_HEALTH)) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * Whether {@code pid} is an Elasticsearch server of this home. The server's command line names its
     * install folder ({@code -Des.path.home=<home>/elasticsearch/dist-...}); a pid the kernel gave to
     * another program since does not.
     */
    boolean isThisHomesServer(long pid) {
        return ProcessHandle.of(pid).filter(this::isThisHomesServer).isPresent();
    }

    private boolean isThisHomesServer(ProcessHandle process) {
        if (!process.isAlive() || process.pid() == ProcessHandle.current().pid()) {
            return false;
        }
        String commandLine = process.info().commandLine().orElse("");
        return commandLine.contains("org.elasticsearch")
                && commandLine.contains(layout.nodeDir().resolve("dist-").toString());
    }

    /** Servers of this home that no record points to (a deleted node.properties, a crashed launcher). */
    private boolean terminateStrayServers() {
        boolean any = false;
        List<ProcessHandle> strays =
                ProcessHandle.allProcesses().filter(this::isThisHomesServer).toList();
        for (ProcessHandle stray : strays) {
            LOG.log(
                    Level.WARNING,
                    "stopping an Elasticsearch of {0} that no record points to (pid {1})",
                    layout.home(),
                    Long.toString(stray.pid()));
            any |= terminate(stray.pid());
        }
        return any;
    }

    /** SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}; only for a server of this home. */
    private boolean terminate(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(this::isThisHomesServer);
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(
                    Level.WARNING,
                    "Elasticsearch pid {0} ignored SIGTERM for {1} s: killing it",
                    Long.toString(pid),
                    STOP_TIMEOUT.toSeconds());
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e2) {
                throw new LocalNodeException("Elasticsearch pid " + pid + " survived SIGKILL");
            } catch (InterruptedException e2) {
                Thread.currentThread().interrupt();
                throw new LocalNodeException("interrupted while stopping Elasticsearch pid " + pid, e2);
            }
        } catch (ExecutionException e) {
            throw new LocalNodeException("cannot wait for Elasticsearch pid " + pid + " to exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while stopping Elasticsearch pid " + pid, e);
        }
        LOG.log(Level.INFO, "stopped Elasticsearch of {0} (pid {1})", layout.home(), Long.toString(pid));
        return true;
    }

    private void cleanUpFailedStart(Long pid) {
        try {
            if (pid != null) {
                terminate(pid);
            }
            Long written = readPid();
            if (written != null) {
                terminate(written);
            }
            NodeStateFile.delete(layout.stateFile());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleaning up after a failed start of Elasticsearch", e);
        }
    }

    private Long readPid() {
        Path file = layout.pidFile();
        try {
            if (Files.isRegularFile(file)) {
                return Long.parseLong(
                        Files.readString(file, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.WARNING, "unreadable pid file " + file, e);
        }
        return null;
    }

    /** The exception for a failed start: the reason, then the end of both logs. */
    private LocalNodeException failure(String reason, URI url, long serverLogStart) {
        return new LocalNodeException(reason + " (home " + layout.home() + ", " + url + ")\n"
                + "--- last " + LOG_LINES + " lines of " + layout.serverLog() + " ---\n"
                + LogTail.of(layout.serverLog(), LOG_LINES, serverLogStart) + "\n"
                + "--- last " + LOG_LINES + " lines of " + layout.cliOutput() + " ---\n"
                + LogTail.of(layout.cliOutput(), LOG_LINES));
    }

    private <T> T underLauncherLock(Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(layout.lockFile(), file -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(layout.nodeDir());
            try (FileChannel channel =
                    FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new LocalNodeException("cannot lock " + layout.lockFile() + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long remainingMillis(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }
}
