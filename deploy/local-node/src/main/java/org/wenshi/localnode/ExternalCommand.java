package org.wenshi.localnode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short system command ({@code useradd}, {@code chown}, {@code setfacl}, {@code
 * elasticsearch-plugin}) and collects its exit code and output.
 *
 * <p>Exists so that every such call has a timeout, merged output for error messages, and the same
 * search path. It is for commands that finish; it must never be used to start the server itself,
 * which has to outlive this JVM (see {@link LocalNode}).
 *
 * <p>Public for {@code wenshi-local-postgres} ({@code initdb}, {@code pg_ctl}, {@code pg_dump}).
 */
public final class ExternalCommand {

    /** Where system tools live even when this JVM was started with a short PATH. */
    private static final List<String> SYSTEM_DIRS =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private ExternalCommand() {}

    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalNodeException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "wenshi-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new LocalNodeException(
                        String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LocalNodeException("interrupted while running " + String.join(" ", command), e);
        }
        synchronized (output) {
            return new Result(
                    process.exitValue(), output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    public static Result run(List<String> command) {
        return run(command, Map.of(), Duration.ofMinutes(2));
    }

    /** The executable {@code name} from PATH or the usual system folders. */
    public static Optional<Path> find(String name) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(dir);
                }
            }
        }
        dirs.addAll(SYSTEM_DIRS);
        List<Path> candidates = new ArrayList<>();
        for (String dir : dirs) {
            candidates.add(Path.of(dir, name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Like {@link #find} but fails with a message naming what is missing, why it is needed and which
     * Debian package brings it.
     */
    public static Path require(String name, String neededFor, String debianPackage) {
        return find(name)
                .orElseThrow(() -> new LocalNodeException("'" + name + "' is not installed but is needed " + neededFor
                        + " (Debian: apt-get install " + debianPackage + ")"));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The process was killed or closed its output: what was read so far is all there is.
        }
    }
}
