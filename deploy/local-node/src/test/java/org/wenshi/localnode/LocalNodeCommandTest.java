package org.wenshi.localnode;

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

class LocalNodeCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LocalNodeCommand.run(
                args,
                Map.of("WENSHI_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "begin",
                "start stop",
                "status --home",
                "stop --home=",
                "--verbose status",
                "status --home a --home b"
            })
    void rejectsBadUsageWithExitCode2(String line) {
        assertThat(run(line.isEmpty() ? new String[0] : line.split(" "))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("usage: java -jar");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void printsUsageOnHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("start|stop|status [--home DIR]");
    }

    @Test
    void reportsANodeThatNeverRanAsNotRunningWithoutTouchingTheHome() throws Exception {
        Path other = home.resolve("other");
        assertThat(run("status", "--home", other.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("not running home=" + other + System.lineSeparator());
        assertThat(run("stop", "--home=" + other)).isZero();
        assertThat(Files.exists(other)).isFalse();
    }

    @Test
    void usesWenshiHomeWhenNoHomeIsGiven() {
        assertThat(run("status")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("home=" + home);
    }
}
