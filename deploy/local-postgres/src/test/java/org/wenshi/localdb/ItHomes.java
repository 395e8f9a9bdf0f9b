package org.wenshi.localdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Helpers of the integration tests: a fresh home under target/, and the executable jar run in its own JVM. */
final class ItHomes {

    static final Path JAR = Path.of("target", "wenshi-local-postgres.jar").toAbsolutePath();

    private ItHomes() {}

    /** A new, empty home under target/ (the server user can be given access there, as under /root). */
    static Path newHome(String name) throws IOException {
        Path parent = Path.of("target", "it-homes").toAbsolutePath();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, name + "-");
    }

    static void delete(Path home) {
        PostgresInstaller.deleteQuietly(home);
    }

    record JarRun(int exitCode, String output) {}

    /** {@code java -jar wenshi-local-postgres.jar args...} with {@code environment} added. */
    static JarRun runJar(Map<String, String> environment, String... args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR + " is missing: the integration tests run after mvn package");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        return new JarRun(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
