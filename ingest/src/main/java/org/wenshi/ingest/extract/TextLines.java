package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one definition of clean text: lines trimmed (full-width spaces and no-break spaces too),
 * runs of blanks inside a line collapsed to one space, control and zero-width characters dropped,
 * empty lines dropped, paragraphs joined by {@code "\n"}. Every extractor ends with it so that the
 * same content gives the same text, and so the same content hash, whatever the format.
 */
public final class TextLines {
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0\\u3000\\u2002-\\u200A\\u202F\\u205F]+");

    private TextLines() {}

    /** Splits {@code raw} into clean non-empty lines. */
    public static List<String> clean(String raw) {
        String s =
                INVISIBLE.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = BLANKS.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** One clean line: blanks collapsed and trimmed. */
    public static String cleanLine(String raw) {
        return BLANKS.matcher(INVISIBLE.matcher(raw).replaceAll(""))
                .replaceAll(" ")
                .strip();
    }
}
