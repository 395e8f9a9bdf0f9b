package org.wenshi.ingest.sample.scan;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Noto CJK fonts of the Debian package {@code fonts-noto-cjk}, loaded from their files (not by
 * a family name the JVM may resolve to another font), so a render is the same on every machine with
 * that package. Loaded once; a missing file is an error naming the package, never a silent fallback.
 */
final class CjkFonts {
    static final Path FOLDER = Path.of("/usr/share/fonts/opentype/noto");

    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

    private CjkFonts() {}

    /** The font of {@code typeface}, regular or bold, with the SC or TC glyph forms, at {@code pixels}. */
    static Font font(ScanStyle.Typeface typeface, boolean bold, boolean traditional, float pixels) {
        String file = (typeface == ScanStyle.Typeface.SERIF ? "NotoSerifCJK-" : "NotoSansCJK-")
                + (bold ? "Bold" : "Regular") + ".ttc";
        String family = (typeface == ScanStyle.Typeface.SERIF ? "Noto Serif CJK " : "Noto Sans CJK ")
                + (traditional ? "TC" : "SC");
        return LOADED.computeIfAbsent(file + "|" + family, k -> load(FOLDER.resolve(file), family))
                .deriveFont(pixels);
    }

    private static Font load(Path file, String family) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "font file " + file + " is missing: install the Debian package fonts-noto-cjk");
        }
        try {
            for (Font f : Font.createFonts(file.toFile())) {
                if (f.getFamily(Locale.ENGLISH).equals(family)) {
                    return f;
                }
            }
        } catch (FontFormatException e) {
            throw new IllegalStateException("font file " + file + " is not a font collection: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font file " + file, e);
        }
        throw new IllegalStateException("font file " + file + " has no family '" + family + "'");
    }
}
