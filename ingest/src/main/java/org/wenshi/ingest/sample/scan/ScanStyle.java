package org.wenshi.ingest.sample.scan;

/**
 * How rendered pages look: writing direction, typeface, characters' script (for the regional glyph
 * forms), resolution, type size and how far they stray from a perfect render. Exists so tests and the
 * sample archive name a look instead of repeating numbers; it never renders anything itself.
 *
 * @param writing lines left to right, or columns top to bottom read right to left
 * @param typeface serif (book text) or sans
 * @param traditional true to use the Traditional Chinese glyph forms of the font
 * @param dpi pixels per inch of the page image (the page is A4)
 * @param points type size of the body text
 * @param noise share of pixels changed by scanner noise (0 for a clean render, about 0.02 for a dusty one)
 * @param skewDegrees rotation of the whole page, as a sheet laid slightly askew on the glass
 * @param seed seed of the noise, so the same style gives the same image
 */
public record ScanStyle(
        Writing writing,
        Typeface typeface,
        boolean traditional,
        int dpi,
        double points,
        double noise,
        double skewDegrees,
        long seed) {

    /** The direction of the text. */
    public enum Writing {
        HORIZONTAL,
        VERTICAL_RIGHT_TO_LEFT
    }

    /** The Noto CJK typeface. */
    public enum Typeface {
        SERIF,
        SANS
    }

    public ScanStyle {
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("dpi out of range 50..1200: " + dpi);
        }
        if (points < 4 || points > 72) {
            throw new IllegalArgumentException("type size out of range 4..72 pt: " + points);
        }
        if (noise < 0 || noise > 0.5) {
            throw new IllegalArgumentException("noise out of range 0..0.5: " + noise);
        }
        if (Math.abs(skewDegrees) > 10) {
            throw new IllegalArgumentException("skew out of range -10..10 degrees: " + skewDegrees);
        }
    }

    /** A clean 200 dpi render of simplified text in 12 pt serif, horizontal lines. */
    public static ScanStyle cleanSimplified() {
        return new ScanStyle(Writing.HORIZONTAL, Typeface.SERIF, false, 200, 12, 0, 0, 1);
    }

    /** A clean 200 dpi render of traditional text in 12 pt serif, horizontal lines. */
    public static ScanStyle cleanTraditional() {
        return new ScanStyle(Writing.HORIZONTAL, Typeface.SERIF, true, 200, 12, 0, 0, 1);
    }

    /** A clean 200 dpi render of traditional text in 12 pt serif, in vertical columns read right to left. */
    public static ScanStyle verticalTraditional() {
        return new ScanStyle(Writing.VERTICAL_RIGHT_TO_LEFT, Typeface.SERIF, true, 200, 12, 0, 0, 1);
    }

    /** This style with scanner noise and skew, seeded. */
    public ScanStyle scanned(double noise, double skewDegrees, long seed) {
        return new ScanStyle(writing, typeface, traditional, dpi, points, noise, skewDegrees, seed);
    }

    /** This style in another typeface. */
    public ScanStyle in(Typeface typeface) {
        return new ScanStyle(writing, typeface, traditional, dpi, points, noise, skewDegrees, seed);
    }

    /** Pixels of a length in points at this style's resolution. */
    double pixels(double pt) {
        return pt * dpi / 72.0;
    }
}
