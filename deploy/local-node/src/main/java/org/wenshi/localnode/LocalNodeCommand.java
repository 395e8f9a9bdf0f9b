package org.wenshi.localnode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar wenshi-local-node.jar start|stop|status [--home DIR]}: the documented way for a
 * person to start, inspect and stop the managed node.
 *
 * <p>Exists because the node outlives the programs that start it: someone has to be able to stop it.
 * Exit codes: 0 done, 1 failed (the message says why), 2 bad usage. It only parses arguments and
 * prints; it must never hold logic that {@link LocalNode} does not offer to every caller.
 */
public final class LocalNodeCommand {

    static final String USAGE = "usage: java -jar wenshi-local-node.jar start|stop|status [--home DIR]\n"
            + "  start   start the node of DIR (default $WENSHI_HOME or ~/.wenshi), or reuse it if it runs\n"
            + "  stop    stop it\n"
            + "  status  tell whether it runs\n"
            + "environment: WENSHI_HOME, WENSHI_ES_HEAP (1g), WENSHI_ES_START_TIMEOUT (120 s),"
            + " WENSHI_ES_DISTRIBUTION";

    private LocalNodeCommand() {}

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String command = null;
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
                home = Path.of(value);
            } else if (arg.equals("start") || arg.equals("stop") || arg.equals("status")) {
                if (command != null) {
                    return usage(err, "one command only, got " + command + " and " + arg);
                }
                command = arg;
            } else {
                return usage(err, "unknown argument '" + arg + "'");
            }
        }
        if (command == null) {
            return usage(err, "no command");
        }
        LocalNode node = LocalNode.forHome(home != null ? home : LocalNode.defaultHome(environment), environment);
        try {
            switch (command) {
                case "start" -> {
                    long started = System.nanoTime();
                    NodeStatus before = node.status();
                    RunningNode running = node.ensureRunning();
                    String how = before.running() && before.node().pid() == running.pid()
                            ? "already running"
                            : "started in " + (System.nanoTime() - started) / 1_000_000 + " ms";
                    out.println("running " + describe(running) + " home=" + node.home() + " (" + how + ")");
                }
                case "stop" -> out.println((node.stop() ? "stopped" : "not running") + " home=" + node.home());
                case "status" -> {
                    NodeStatus status = node.status();
                    switch (status.state()) {
                        case RUNNING ->
                            out.println("running " + describe(status.node()) + " health=" + status.health() + " home="
                                    + node.home());
                        case NOT_RESPONDING ->
                            out.println("not responding " + describe(status.node()) + " home=" + node.home());
                        case STOPPED -> out.println("not running home=" + node.home());
                    }
                }
                default -> throw new IllegalStateException(command);
            }
            return 0;
        } catch (LocalNodeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(RunningNode node) {
        return "url=" + node.url() + " pid=" + node.pid() + " cluster=" + node.clusterName() + " version="
                + node.elasticsearchVersion();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
