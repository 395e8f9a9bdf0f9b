package org.wenshi.localnode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines of a log file, for error messages.
 *
 * <p>Exists because a failed start is only understandable with the node's own words next to it. It
 * reads at most the file's last {@value #MAX_BYTES} bytes, so a log of gigabytes costs nothing; it
 * must never throw: a missing or unreadable log becomes a one-line note in the message instead.
 */
public final class LogTail {

    static final int MAX_BYTES = 256 * 1024;

    private LogTail() {}

    /** The last {@code lines} lines of {@code file}, or a note saying why there are none. */
    public static String of(Path file, int lines) {
        return of(file, lines, 0);
    }

    /**
     * The last {@code lines} lines written to {@code file} after byte {@code since} (its size when a
     * start began: an appended log must not show an earlier run's lines as this run's).
     */
    public static String of(Path file, int lines, long since) {
        if (!Files.isRegularFile(file)) {
            return "(" + file + " does not exist)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = since <= length ? since : 0; // smaller than before: rotated or truncated
            long start = Math.max(from, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>(lines);
            String[] all = text.split("\r?\n", -1);
            // The first line of a cut-off window is partial.
            int first = start > from ? 1 : 0;
            int to = all.length;
            if (to > first && all[to - 1].isEmpty()) {
                to--;
            }
            for (int i = first; i < to; i++) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(all[i]);
            }
            if (last.isEmpty()) {
                return from > 0 ? "(nothing was written to " + file + " during this start)" : "(" + file + " is empty)";
            }
            return String.join("\n", last);
        } catch (IOException | RuntimeException e) {
            return "(" + file + " could not be read: " + e + ")";
        }
    }
}
