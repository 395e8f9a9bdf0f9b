package org.wenshi.localdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.stream.Stream;
import org.wenshi.localnode.ExternalCommand;
import org.wenshi.localnode.LocalNodeException;
import org.wenshi.localnode.LogTail;
import org.wenshi.localnode.ServerUser;

/**
 * The managed PostgreSQL server of one home ({@code $WENSHI_HOME}, default {@code ~/.wenshi}): {@link
 * #ensureRunning()}, {@link #stop()}, {@link #status()}.
 *
 * <p>Works like the local Elasticsearch node ({@code org.wenshi.localnode.LocalNode}): the binaries
 * are unpacked from a Maven Central jar, the cluster is made with {@code initdb} on first use, the
 * server is started with {@code pg_ctl} in its own session and outlives the JVM that started it, and
 * every JVM of the home reuses it through {@code postgres/server.properties}.
 *
 * <p>Rules it keeps:
 *
 * <ul>
 *   <li>never two servers for one home: starts and stops run under a lock on {@code launcher.lock};
 *   <li>never PostgreSQL as root: as root it runs as {@value ServerUser#SYSTEM_USER}, the user of the
 *       local Elasticsearch (see {@link ServerUser});
 *   <li>never listen beyond 127.0.0.1, never without a password (scram-sha-256, also for local
 *       connections; the Unix socket is off);
 *   <li>never kill a process it cannot tie to this home's data folder;
 *   <li>never delete {@code data/}.
 * </ul>
 */
public final class LocalPostgres {

    static final String HOME_VARIABLE = "WENSHI_HOME";

    private static final Logger LOG = System.getLogger(LocalPostgres.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SILENT_GRACE = Duration.ofSeconds(10);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(3);
    private static final int LOG_LINES = 40;

    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final PostgresLayout layout;
    private final Map<String, String> environment;

    private LocalPostgres(Path home, Map<String, String> environment) {
        this.layout = new PostgresLayout(home);
        this.environment = Map.copyOf(environment);
    }

    /** The server of {@code home}; nothing is read or started yet. */
    public static LocalPostgres forHome(Path home) {
        return new LocalPostgres(home, System.getenv());
    }

    static LocalPostgres forHome(Path home, Map<String, String> environment) {
        return new LocalPostgres(home, environment);
    }

    /** {@code $WENSHI_HOME}, else {@code ~/.wenshi}: the same rule as the local Elasticsearch node. */
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

    /** {@code <home>/postgres}: binaries, data, logs, password and the record of the server. */
    public Path directory() {
        return layout.dir();
    }

    /** The file holding the password of the user {@code wenshi} (mode 0600). */
    public Path passwordFile() {
        return layout.passwordFile();
    }

    /** The database user the launcher made: {@code wenshi}, owner of the database {@code wenshi}. */
    public String user() {
        return PostgresLayout.USER;
    }

    /** The database the launcher made: {@code wenshi}. */
    public String database() {
        return PostgresLayout.DATABASE;
    }

    /** The password of {@link #user()}; there once the server has been started. */
    public String password() {
        return PasswordFile.read(layout.passwordFile())
                .orElseThrow(() -> new LocalDatabaseException(
                        "no database password in " + layout.passwordFile() + ": start the server first"));
    }

    /**
     * Returns this home's server, unpacking, initializing and starting it when it does not run. Blocks
     * while another JVM starts or stops it, and until the server accepts connections.
     *
     * @throws LocalDatabaseException when it cannot be installed or started; the message says why and
     *     carries the end of the server's log
     */
    public RunningPostgres ensureRunning() {
        PostgresProperties properties = PostgresProperties.fromEnvironment(environment);
        return underLauncherLock(() -> {
            PostgresInstaller installer = new PostgresInstaller(layout, properties);
            Path wanted = installer.installDir();
            Optional<RunningPostgres> recorded = ServerStateFile.read(layout.stateFile());
            if (recorded.isPresent()) {
                RunningPostgres server = recorded.get();
                boolean mine = isThisHomesServer(server.pid());
                boolean answers = mine && awaitAnswer(server, SILENT_GRACE);
                boolean hasPassword = PasswordFile.read(layout.passwordFile()).isPresent();
                if (answers && server.installDir().equals(wanted) && hasPassword) {
                    LOG.log(
                            Level.DEBUG,
                            "reusing PostgreSQL on port {0} (pid {1})",
                            Integer.toString(server.port()),
                            Long.toString(server.pid()));
                    return server;
                }
                if (mine) {
                    String why = !answers
                            ? "it does not answer"
                            : !hasPassword
                                    ? "its password file " + layout.passwordFile() + " is gone (a new one is set)"
                                    : "it runs " + server.version() + ", this build needs " + properties.version();
                    LOG.log(
                            Level.WARNING,
                            "restarting PostgreSQL of {0} (pid {1}): {2}",
                            layout.home(),
                            Long.toString(server.pid()),
                            why);
                }
                terminate(server.pid());
                ServerStateFile.delete(layout.stateFile());
            }
            terminateStrayServers();
            Path installDir = installer.ensureInstalled();
            checkDataVersion(properties);
            installer.removeOtherInstalls(installDir);
            return start(installDir, properties);
        });
    }

    /**
     * Stops this home's server: a fast shutdown (SIGINT: open sessions are ended), up to 60 s, then an
     * immediate one; removes the record.
     *
     * @return whether a running server was stopped
     */
    public boolean stop() {
        if (!Files.isDirectory(layout.dir())) {
            return false;
        }
        return underLauncherLock(() -> {
            boolean stopped = false;
            Optional<RunningPostgres> recorded = ServerStateFile.read(layout.stateFile());
            if (recorded.isPresent()) {
                stopped = terminate(recorded.get().pid());
                ServerStateFile.delete(layout.stateFile());
            }
            return terminateStrayServers() || stopped;
        });
    }

    /** What runs now; starts and stops nothing. */
    public PostgresStatus status() {
        Optional<RunningPostgres> recorded = ServerStateFile.read(layout.stateFile());
        if (recorded.isEmpty() || !isThisHomesServer(recorded.get().pid())) {
            return new PostgresStatus(layout.home(), PostgresStatus.State.STOPPED, null);
        }
        RunningPostgres server = recorded.get();
        return answers(server)
                ? new PostgresStatus(layout.home(), PostgresStatus.State.RUNNING, server)
                : new PostgresStatus(layout.home(), PostgresStatus.State.NOT_RESPONDING, server);
    }

    private RunningPostgres start(Path installDir, PostgresProperties properties) {
        ServerUser user = serverUser();
        int port = DatabasePort.choose(layout);
        boolean fresh = !Files.isRegularFile(layout.dataDir().resolve("PG_VERSION"));
        Optional<String> knownPassword = PasswordFile.read(layout.passwordFile());
        String password = knownPassword.orElseGet(PasswordFile::generate);
        Path pwfile = layout.tmpDir().resolve("initdb-password");
        Path setupSql = layout.tmpDir().resolve("setup.sql");
        try {
            try {
                for (Path dir : List.of(layout.dir(), layout.logsDir(), layout.tmpDir())) {
                    Files.createDirectories(dir);
                }
                if (fresh) {
                    if (Files.isDirectory(layout.dataDir()) && !isEmpty(layout.dataDir())) {
                        throw new LocalDatabaseException(layout.dataDir() + " is not empty but holds no PostgreSQL"
                                + " cluster (no PG_VERSION): move it away, the launcher never deletes data");
                    }
                    Files.createDirectories(layout.dataDir());
                    Files.setPosixFilePermissions(layout.dataDir(), PosixFilePermissions.fromString("rwx------"));
                    writeOwnerOnly(pwfile, password + "\n");
                }
                StringBuilder sql = new StringBuilder();
                if (!fresh && knownPassword.isEmpty()) {
                    sql.append("ALTER ROLE ")
                            .append(PostgresLayout.USER)
                            .append(" PASSWORD '")
                            .append(password)
                            .append("'\n");
                }
                sql.append("CREATE DATABASE ").append(PostgresLayout.DATABASE).append('\n');
                writeOwnerOnly(setupSql, sql.toString());
            } catch (IOException e) {
                throw new LocalDatabaseException("cannot prepare " + layout.dir() + ": " + e.getMessage(), e);
            }
            try {
                user.prepare(layout.dir(), List.of(layout.logsDir(), layout.tmpDir()), List.of(layout.dataDir()));
            } catch (LocalNodeException e) {
                throw new LocalDatabaseException(e.getMessage(), e);
            }
            if (fresh) {
                initdb(installDir, user, pwfile);
            }
            singleUserSetup(installDir, user, setupSql);
            if (knownPassword.isEmpty()) {
                PasswordFile.write(layout.passwordFile(), password);
            }
        } finally {
            deleteIfExists(pwfile);
            deleteIfExists(setupSql);
        }
        return launch(installDir, properties, user, port);
    }

    private void initdb(Path installDir, ServerUser user, Path pwfile) {
        List<String> command = new ArrayList<>(user.commandPrefix());
        command.addAll(List.of(
                PostgresInstaller.binary(installDir, "initdb").toString(),
                "--pgdata=" + layout.dataDir(),
                "--username=" + PostgresLayout.USER,
                "--pwfile=" + pwfile,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C"));
        LOG.log(Level.INFO, "initializing the PostgreSQL cluster {0} as {1}", layout.dataDir(), user.name());
        ExternalCommand.Result result = ExternalCommand.run(command, Map.of("LC_ALL", "C"), SETUP_TIMEOUT);
        if (!result.ok()) {
            throw new LocalDatabaseException(
                    "initdb failed (exit " + result.exitCode() + ", home " + layout.home() + "):\n" + result.output());
        }
    }

    /**
     * Runs {@code setupSql} in single-user mode (no server listens yet): creates the database, sets a
     * new password when the file was lost. "already exists" is the normal answer after the first time.
     */
    private void singleUserSetup(Path installDir, ServerUser user, Path setupSql) {
        List<String> command = new ArrayList<>(user.commandPrefix());
        command.addAll(List.of(
                "/bin/sh",
                "-c",
                "exec \"$0\" --single -D \"$1\" -c exit_on_error=false template1 < \"$2\"",
                PostgresInstaller.binary(installDir, "postgres").toString(),
                layout.dataDir().toString(),
                setupSql.toString()));
        ExternalCommand.Result result = ExternalCommand.run(command, Map.of("LC_ALL", "C"), SETUP_TIMEOUT);
        List<String> errors = result.output()
                .lines()
                .filter(line -> line.contains("ERROR:") || line.contains("FATAL:"))
                .filter(line -> !line.contains("database \"" + PostgresLayout.DATABASE + "\" already exists"))
                .toList();
        if (!result.ok() || !errors.isEmpty()) {
            throw new LocalDatabaseException("setting up the database " + PostgresLayout.DATABASE
                    + " in single-user mode failed (exit " + result.exitCode() + ", home " + layout.home() + "):\n"
                    + result.output());
        }
    }

    private RunningPostgres launch(Path installDir, PostgresProperties properties, ServerUser user, int port) {
        List<String> command = new ArrayList<>();
        // Its own session: a Ctrl-C aimed at the JVM that started it must not reach the server.
        ExternalCommand.find("setsid").ifPresent(setsid -> command.addAll(List.of(setsid.toString(), "--wait")));
        command.addAll(user.commandPrefix());
        command.addAll(List.of(
                PostgresInstaller.binary(installDir, "pg_ctl").toString(),
                "start",
                "--wait",
                "--timeout=" + properties.startTimeout().toSeconds(),
                "--pgdata=" + layout.dataDir(),
                "--log=" + layout.serverLog(),
                "-o",
                serverOptions(port)));
        LOG.log(
                Level.INFO,
                "starting PostgreSQL {0} for {1} on 127.0.0.1:{2} as {3}",
                properties.version(),
                layout.home(),
                Integer.toString(port),
                user.name());
        long started = System.nanoTime();
        long logStart = sizeOf(layout.serverLog());
        ExternalCommand.Result result = ExternalCommand.run(
                command, Map.of("LC_ALL", "C"), properties.startTimeout().plusSeconds(30));
        Optional<long[]> postmaster = readPostmasterPid();
        if (!result.ok()) {
            postmaster.ifPresent(p -> terminate(p[0]));
            throw failure("pg_ctl start failed (exit " + result.exitCode() + "): " + result.output(), port, logStart);
        }
        if (postmaster.isEmpty() || postmaster.get()[1] != port) {
            throw failure(
                    "pg_ctl started no server that writes port " + port + " to " + layout.postmasterPid(),
                    port,
                    logStart);
        }
        RunningPostgres server = new RunningPostgres(postmaster.get()[0], port, properties.version(), installDir);
        if (!answers(server)) {
            terminate(server.pid());
            throw failure("PostgreSQL (pid " + server.pid() + ") does not answer on port " + port, port, logStart);
        }
        ServerStateFile.write(layout.stateFile(), server);
        LOG.log(
                Level.INFO,
                "PostgreSQL {0} of {1} serves 127.0.0.1:{2} (pid {3}), started in {4} ms",
                properties.version(),
                layout.home(),
                Integer.toString(port),
                Long.toString(server.pid()),
                Long.toString((System.nanoTime() - started) / 1_000_000));
        return server;
    }

    /** The server's settings, given on its command line (they win over postgresql.conf). */
    static String serverOptions(int port) {
        return "-c listen_addresses=127.0.0.1 -c port=" + port
                + " -c unix_socket_directories='' -c password_encryption=scram-sha-256";
    }

    /** The data folder's major version must be the binaries': an upgrade needs pg_upgrade, never a delete. */
    private void checkDataVersion(PostgresProperties properties) {
        Path versionFile = layout.dataDir().resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String dataVersion;
        try {
            dataVersion = Files.readString(versionFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot read " + versionFile + ": " + e.getMessage(), e);
        }
        if (!dataVersion.equals(Integer.toString(properties.majorVersion()))) {
            throw new LocalDatabaseException(layout.dataDir() + " was made by PostgreSQL " + dataVersion
                    + ", this build"
                    + " runs " + properties.version() + ": back it up with the older build (backup FILE), move the"
                    + " folder away, start and restore FILE");
        }
    }

    /**
     * True when {@code pid} is a postmaster running on this home's data folder: {@code
     * .../bin/postgres -D <home>/postgres/data ...}. A pid the kernel gave to another program since, or a
     * backend (its title is rewritten), does not match.
     */
    boolean isThisHomesServer(long pid) {
        return ProcessHandle.of(pid).filter(this::isThisHomesServer).isPresent();
    }

    private boolean isThisHomesServer(ProcessHandle process) {
        if (!process.isAlive() || process.pid() == ProcessHandle.current().pid()) {
            return false;
        }
        String commandLine = process.info().commandLine().orElse("");
        String data = " -D " + layout.dataDir();
        return commandLine.contains("/bin/postgres" + data)
                && (commandLine.endsWith(data) || commandLine.contains(data + " "));
    }

    private boolean terminateStrayServers() {
        boolean any = false;
        List<ProcessHandle> strays;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            strays = all.filter(this::isThisHomesServer).toList();
        }
        for (ProcessHandle stray : strays) {
            LOG.log(
                    Level.WARNING,
                    "stopping a PostgreSQL of {0} that no record points to (pid {1})",
                    layout.home(),
                    Long.toString(stray.pid()));
            any |= terminate(stray.pid());
        }
        return any;
    }

    /** SIGINT (fast shutdown), then SIGQUIT (immediate) after 60 s, then SIGKILL; only for this home's server. */
    private boolean terminate(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(this::isThisHomesServer);
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle handle = process.get();
        signal(pid, "INT");
        if (!awaitExit(handle, STOP_TIMEOUT)) {
            LOG.log(
                    Level.WARNING,
                    "PostgreSQL pid {0} ignored a fast shutdown for {1} s: immediate shutdown",
                    Long.toString(pid),
                    STOP_TIMEOUT.toSeconds());
            signal(pid, "QUIT");
            if (!awaitExit(handle, Duration.ofSeconds(10))) {
                handle.destroyForcibly();
                if (!awaitExit(handle, Duration.ofSeconds(10))) {
                    throw new LocalDatabaseException("PostgreSQL pid " + pid + " survived SIGKILL");
                }
            }
        }
        LOG.log(Level.INFO, "stopped PostgreSQL of {0} (pid {1})", layout.home(), Long.toString(pid));
        return true;
    }

    private static void signal(long pid, String signal) {
        ExternalCommand.Result result = ExternalCommand.run(List.of("kill", "-" + signal, Long.toString(pid)));
        if (!result.ok()) {
            LOG.log(Level.WARNING, "kill -{0} {1}: {2}", signal, Long.toString(pid), result.output());
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new LocalDatabaseException("cannot wait for PostgreSQL pid " + handle.pid() + " to exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDatabaseException("interrupted while stopping PostgreSQL pid " + handle.pid(), e);
        }
    }

    /** Whether the recorded server answers as this home's: its postmaster.pid names it and its port speaks PostgreSQL. */
    private boolean answers(RunningPostgres server) {
        Optional<long[]> postmaster = readPostmasterPid();
        if (postmaster.isEmpty()
                || postmaster.get()[0] != server.pid()
                || postmaster.get()[1] != server.port()) {
            return false;
        }
        return speaksPostgres(server.port(), PROBE_TIMEOUT);
    }

    private boolean awaitAnswer(RunningPostgres server, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            if (answers(server)) {
                return true;
            }
            if (System.nanoTime() > deadline || !isThisHomesServer(server.pid())) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Sends PostgreSQL's SSLRequest to 127.0.0.1:{@code port}: a PostgreSQL server answers one byte,
     * {@code N} or {@code S}, before any authentication.
     */
    static boolean speaksPostgres(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
            out.flush();
            InputStream in = socket.getInputStream();
            int answer = in.read();
            return answer == 'N' || answer == 'S';
        } catch (IOException e) {
            return false;
        }
    }

    /** {pid, port} from the first and fourth line of data/postmaster.pid. */
    private Optional<long[]> readPostmasterPid() {
        Path file = layout.postmasterPid();
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new long[] {
                Long.parseLong(lines.get(0).trim()), Long.parseLong(lines.get(3).trim())
            });
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private LocalDatabaseException failure(String reason, int port, long logStart) {
        return new LocalDatabaseException(reason + " (home " + layout.home() + ", 127.0.0.1:" + port + ")\n"
                + "--- last " + LOG_LINES + " lines of " + layout.serverLog() + " ---\n"
                + LogTail.of(layout.serverLog(), LOG_LINES, logStart));
    }

    private static ServerUser serverUser() {
        try {
            return ServerUser.forThisProcess();
        } catch (LocalNodeException e) {
            throw new LocalDatabaseException(e.getMessage(), e);
        }
    }

    private <T> T underLauncherLock(Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(layout.lockFile(), file -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(layout.dir());
            try (FileChannel channel =
                    FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.get();
                } catch (LocalNodeException e) {
                    throw new LocalDatabaseException(e.getMessage(), e);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot lock " + layout.lockFile() + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PasswordFile.OWNER_ONLY));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + file, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
