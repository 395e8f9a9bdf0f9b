package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPostgresCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return LocalPostgresCommand.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Map.of("WENSHI_HOME", home.toString()), args);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "begin",
                "start stop",
                "status --home",
                "stop --home=",
                "backup",
                "restore --home x",
                "--verbose status"
            })
    void badUsageExitsWithTwo(String args) {
        assertThat(run(args.isEmpty() ? new String[0] : args.split(" "))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("usage:");
        assertThat(Files.exists(home.resolve("postgres"))).isFalse();
    }

    @Test
    void helpExitsWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backup FILE").contains("restore FILE");
    }

    @Test
    void statusAndStopOfANeverStartedHome() {
        assertThat(run("status")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running home=" + home.toAbsolutePath());
        assertThat(run("stop")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running");
    }

    @Test
    void aBadDatabaseUrlFailsWithOne() {
        int code = run(Map.of("WENSHI_HOME", home.toString(), "WENSHI_DB_URL", "mysql://h/d"), "backup", "x.dump");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("WENSHI_DB_URL");
    }

    @Test
    void restoreOfAMissingFileFailsWithOneBeforeAnythingStarts() {
        Map<String, String> environment = Map.of(
                "WENSHI_HOME", home.toString(),
                "WENSHI_DB_URL", "jdbc:postgresql://127.0.0.1:1/wenshi",
                "WENSHI_DB_USER", "u");
        assertThat(run(environment, "restore", home.resolve("missing.dump").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no backup file");
    }
}
