package org.wenshi.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The character-for-character traditional → simplified mapping, read once from the committed resource
 * {@code traditional-simplified.txt} (generated from ICU4J, see {@code TraditionalSimplifiedTableGenerator}
 * in the tests).
 *
 * <p>Exists so that {@link FoldingCharFilter} folds 政協 to 政协 with a 128 KB array lookup instead of
 * bundling icu4j into Elasticsearch. It never maps one character to several or to a longer UTF-16 form, so
 * the char filter's offset corrections stay simple. Immutable and shared by every analyzer of the node.
 */
final class TraditionalSimplifiedTable {

    static final String RESOURCE = "traditional-simplified.txt";

    private static final TraditionalSimplifiedTable INSTANCE = load();

    /** Basic Multilingual Plane: simplified char by traditional char, 0 for "no mapping". */
    private final char[] bmp;
    /** The rare supplementary-plane mappings (none with ICU 74, kept for correctness). */
    private final Map<Integer, Integer> supplementary;

    private final int size;

    private TraditionalSimplifiedTable(char[] bmp, Map<Integer, Integer> supplementary, int size) {
        this.bmp = bmp;
        this.supplementary = supplementary;
        this.size = size;
    }

    static TraditionalSimplifiedTable instance() {
        return INSTANCE;
    }

    /** The simplified code point for {@code codePoint}, or {@code codePoint} itself when it has none. */
    int simplify(int codePoint) {
        if (codePoint < bmp.length) {
            char mapped = bmp[codePoint];
            return mapped == 0 ? codePoint : mapped;
        }
        return supplementary.isEmpty() ? codePoint : supplementary.getOrDefault(codePoint, codePoint);
    }

    /** Number of mappings. */
    int size() {
        return size;
    }

    private static TraditionalSimplifiedTable load() {
        try (InputStream in = TraditionalSimplifiedTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource " + RESOURCE + " next to " + TraditionalSimplifiedTable.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static TraditionalSimplifiedTable parse(BufferedReader lines) throws IOException {
        char[] bmp = new char[Character.MIN_SUPPLEMENTARY_CODE_POINT];
        Map<Integer, Integer> supplementary = new HashMap<>();
        int size = 0;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || line.codePointCount(0, tab) != 1 || line.codePointCount(tab + 1, line.length()) != 1) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected <char> TAB <char>");
            }
            int from = line.codePointAt(0);
            int to = line.codePointAt(tab + 1);
            if (Character.charCount(to) > Character.charCount(from)) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": mapping lengthens the text");
            }
            if (from < bmp.length) {
                bmp[from] = (char) to;
            } else {
                supplementary.put(from, to);
            }
            size++;
        }
        return new TraditionalSimplifiedTable(bmp, Map.copyOf(supplementary), size);
    }
}
