package org.wenshi.ingest.ocr;

import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Tells vertical pages (columns read top to bottom, right to left) from horizontal ones without
 * reading them: the blank gaps between lines run across the page, those between columns run down
 * it. It counts, in a central band of the page (so a slight skew does not close the gaps), the
 * share of blank rows and of blank columns inside the printed area. Cheap (one pass over the
 * pixels) so it runs on every page; when it cannot tell, the page is horizontal.
 */
final class PageLayout {
    /** A profile entry is blank when it has at most this share of the profile's high value in ink. */
    private static final double BLANK = 0.08;
    /** Vertical when the share of blank columns is this many times the share of blank rows. */
    private static final double DOMINANCE = 1.8;
    /** …and at least this share of the printed width is blank (gaps between columns). */
    private static final double MIN_GAPS = 0.15;

    private PageLayout() {}

    /** The share of blank rows and columns inside the printed area, for tests and benchmarks. */
    record Gaps(double rows, double columns) {
        boolean vertical() {
            return columns >= MIN_GAPS && columns >= DOMINANCE * rows;
        }
    }

    /** True when the 8-bit gray page {@code gray} holds vertical text. */
    static boolean vertical(Raster gray) {
        return gaps(gray).vertical();
    }

    static Gaps gaps(Raster gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        int[] rows = new int[h];
        int[] columns = new int[w];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            gray.getSamples(0, y, w, 1, 0, line);
            boolean inRowBand = y >= h / 3 && y < 2 * h / 3;
            for (int x = 0; x < w; x++) {
                if (line[x] < 128) {
                    if (x >= w / 3 && x < 2 * w / 3) {
                        rows[y]++;
                    }
                    if (inRowBand) {
                        columns[x]++;
                    }
                }
            }
        }
        return new Gaps(blankShare(rows), blankShare(columns));
    }

    /** The share of blank entries between the first and the last printed one. */
    private static double blankShare(int[] profile) {
        int[] sorted = profile.clone();
        Arrays.sort(sorted);
        int high = sorted[(int) (sorted.length * 0.95)];
        if (high == 0) {
            return 0;
        }
        double threshold = high * BLANK;
        int first = -1;
        int last = -1;
        for (int i = 0; i < profile.length; i++) {
            if (profile[i] > threshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        int blank = 0;
        for (int i = first; i <= last; i++) {
            if (profile[i] <= threshold) {
                blank++;
            }
        }
        return last > first ? (double) blank / (last - first + 1) : 0;
    }
}
