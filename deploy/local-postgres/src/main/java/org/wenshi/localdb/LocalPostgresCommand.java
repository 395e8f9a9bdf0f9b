package org.wenshi.localdb;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar wenshi-local-postgres.jar start|stop|status|backup FILE|restore FILE [--home DIR]}:
 * the documented way for a person to run, inspect, stop, back up and restore the managed database.
 *
 * <p>Exit codes: 0 done, 1 failed (the message says why), 2 bad usage. It only parses arguments and
 * prints; the logic is in {@link LocalPostgres}, {@link DatabaseEndpoint} and {@link DatabaseBackup}.
 */
public final class LocalPostgresCommand {

    static final String USAGE =
            "usage: java -jar wenshi-local-postgres.jar start|stop|status|backup FILE|restore FILE [--home DIR]\n"
                    + "  start         start the PostgreSQL of DIR (default $WENSHI_HOME or ~/.wenshi), or reuse it\n"
                    + "  stop          stop it\n"
                    + "  status        tell whether it runs\n"
                    + "  backup FILE   write the database wenshi to FILE (pg_dump custom format)\n"
                    + "  restore FILE  restore FILE into it (pg_restore --clean, one transaction)\n"
                    + "backup and restore use WENSHI_DB_URL (+ WENSHI_DB_USER, WENSHI_DB_PASSWORD) when set.\n"
                    + "environment: WENSHI_HOME, WENSHI_PG_START_TIMEOUT (60 s), WENSHI_PG_BINARIES, WENSHI_PG_BIN";

    private static final Set<String> COMMANDS = Set.of("start", "stop", "status", "backup", "restore");

    private LocalPostgresCommand() {}

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String command = null;
        Path file = null;
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (arg.equals("--home") || arg.startsWith("--home=")) {
                String value = arg.equals("--home") ? (i + 1 < args.length ? args[++i] : null) : arg.substring(7);
                if (value == null || value.isBlank()) {
                    return usage(err, "--home needs a folder");
                }
                if (home != null) {
                    return usage(err, "--home given twice");
                }
                home = Path.of(value).toAbsolutePath().normalize();
            } else if (COMMANDS.contains(arg)) {
                if (command != null) {
                    return usage(err, "one command only, got " + command + " and " + arg);
                }
                command = arg;
                if (arg.equals("backup") || arg.equals("restore")) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return usage(err, arg + " needs a FILE");
                    }
                    file = Path.of(args[++i]);
                }
            } else {
                return usage(err, "unknown argument '" + arg + "'");
            }
        }
        if (command == null) {
            return usage(err, "no command");
        }
        Map<String, String> env = new HashMap<>(environment);
        if (home != null) {
            env.put(LocalPostgres.HOME_VARIABLE, home.toString());
        }
        LocalPostgres server = LocalPostgres.forHome(LocalPostgres.defaultHome(env), env);
        try {
            switch (command) {
                case "start" -> {
                    long started = System.nanoTime();
                    PostgresStatus before = server.status();
                    RunningPostgres running = server.ensureRunning();
                    String how = before.running() && before.server().pid() == running.pid()
                            ? "already running"
                            : "started in " + (System.nanoTime() - started) / 1_000_000 + " ms";
                    out.println("running " + describe(running) + " user=" + server.user() + " password-file="
                            + server.passwordFile() + " home=" + server.home() + " (" + how + ")");
                }
                case "stop" -> out.println((server.stop() ? "stopped" : "not running") + " home=" + server.home());
                case "status" -> {
                    PostgresStatus status = server.status();
                    switch (status.state()) {
                        case RUNNING -> out.println("running " + describe(status.server()) + " home=" + server.home());
                        case NOT_RESPONDING ->
                            out.println("not responding " + describe(status.server()) + " home=" + server.home());
                        case STOPPED -> out.println("not running home=" + server.home());
                    }
                }
                case "backup" -> {
                    DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(env);
                    Path written = DatabaseBackup.of(endpoint, env).backup(file);
                    out.println("backed up " + endpoint.jdbcUrl() + " to " + written);
                }
                case "restore" -> {
                    DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(env);
                    DatabaseBackup.of(endpoint, env).restore(file);
                    out.println("restored " + file.toAbsolutePath().normalize() + " into " + endpoint.jdbcUrl());
                }
                default -> throw new IllegalStateException(command);
            }
            return 0;
        } catch (LocalDatabaseException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(RunningPostgres server) {
        return "jdbc=jdbc:postgresql://127.0.0.1:" + server.port() + "/" + PostgresLayout.DATABASE + " pid="
                + server.pid() + " version=" + server.version();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
