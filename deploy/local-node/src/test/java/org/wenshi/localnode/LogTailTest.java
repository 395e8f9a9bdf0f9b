package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLines() throws IOException {
        Path log = write("a.log", lines(1, 100));
        assertThat(LogTail.of(log, 3)).isEqualTo("line 98\nline 99\nline 100");
    }

    @Test
    void returnsAllLinesOfAShortFile() throws IOException {
        Path log = write("a.log", "only\nlines\n");
        assertThat(LogTail.of(log, 40)).isEqualTo("only\nlines");
    }

    @Test
    void readsOnlyTheEndOfAHugeFileAndDropsThePartialFirstLine() throws IOException {
        Path log = write("huge.log", lines(1, 200_000));
        assertThat(Files.size(log)).isGreaterThan(LogTail.MAX_BYTES);
        String tail = LogTail.of(log, 40);
        assertThat(tail.lines()).hasSize(40).last().isEqualTo("line 200000");
    }

    @Test
    void showsOnlyWhatThisStartWrote() throws IOException {
        Path log = write("a.log", lines(1, 10));
        long before = Files.size(log);
        Files.writeString(log, "new 1\nnew 2\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(LogTail.of(log, 40, before)).isEqualTo("new 1\nnew 2");
        assertThat(LogTail.of(log, 40, Files.size(log))).contains("nothing was written");
    }

    @Test
    void explainsAMissingOrEmptyFileInsteadOfFailing() throws IOException {
        assertThat(LogTail.of(dir.resolve("absent.log"), 40)).contains("does not exist");
        assertThat(LogTail.of(write("empty.log", ""), 40)).contains("is empty");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }
}
