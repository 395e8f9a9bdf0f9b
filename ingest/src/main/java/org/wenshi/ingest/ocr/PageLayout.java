package org.wenshi.ingest.ocr;

import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Tells vertical pages (columns read top to bottom, right to left) from horizontal ones without
 * reading them. Between printed lines runs a gap of about half a character; between the characters
 * of a line only a sliver. So inside the printed area it measures the typical (median) blank gap
 * across the page and down it: wide gaps between rows mean lines, wide gaps between columns mean
 * columns. Each profile is taken over the middle third of the printed area in the other direction,
 * so a slight skew does not close the gaps and a page of a few short columns is still measured
 * where its text is; specks of noise are not ink. Cheap (two passes over the pixels) so it runs on every page; when it cannot
 * tell, the page is horizontal.
 */
final class PageLayout {
    /** A profile entry is blank when it has at most this share of the profile's high value in ink. */
    private static final double BLANK = 0.08;
    /** Vertical when the typical gap between columns is this many times the gap between rows. */
    private static final double DOMINANCE = 2;
    /** …and at least this many pixels wide. */
    private static final int MIN_GAP = 4;

    private PageLayout() {}

    /**
     * The median blank gap, in pixels, between rows and between columns of the printed area; -1 when
     * there is none (a single line has no gap between rows, and cannot be told from a column).
     */
    record Gaps(double rows, double columns) {
        boolean vertical() {
            return rows >= 0 && columns >= MIN_GAP && columns >= DOMINANCE * rows;
        }
    }

    /** True when the 8-bit gray page {@code gray} holds vertical text. */
    static boolean vertical(Raster gray) {
        return gaps(gray).vertical();
    }

    static Gaps gaps(Raster gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        if (w < 2 || h < 2) {
            return new Gaps(-1, -1);
        }
        int[] rows = new int[h];
        int[] columns = new int[w];
        profiles(gray, 0, w, 0, h, rows, columns);
        int[] ys = printed(rows);
        int[] xs = printed(columns);
        if (ys == null || xs == null) {
            return new Gaps(-1, -1);
        }
        int thirdW = (xs[1] - xs[0]) / 3;
        int thirdH = (ys[1] - ys[0]) / 3;
        int[] rowBand = new int[h];
        int[] unused = new int[w];
        profiles(gray, xs[0] + thirdW, xs[1] - thirdW + 1, 0, h, rowBand, unused);
        int[] columnBand = new int[w];
        profiles(gray, 0, w, ys[0] + thirdH, ys[1] - thirdH + 1, new int[h], columnBand);
        return new Gaps(medianGap(rowBand, ys), medianGap(columnBand, xs));
    }

    /**
     * Ink per row and per column of the rectangle [x0, x1) × [y0, y1): dark pixels whose right and
     * lower neighbours are dark too, so isolated specks of scanner noise do not count.
     */
    private static void profiles(Raster gray, int x0, int x1, int y0, int y1, int[] rows, int[] columns) {
        int n = x1 - x0;
        int[] line = new int[n];
        int[] below = new int[n];
        int last = Math.min(y1, gray.getHeight() - 1);
        if (y0 < last) {
            gray.getSamples(x0, y0, n, 1, 0, below);
        }
        for (int y = y0; y < last; y++) {
            int[] t = line;
            line = below;
            below = t;
            gray.getSamples(x0, y + 1, n, 1, 0, below);
            for (int i = 0; i + 1 < n; i++) {
                if (line[i] < 128 && line[i + 1] < 128 && below[i] < 128) {
                    rows[y]++;
                    columns[x0 + i]++;
                }
            }
        }
    }

    private static double threshold(int[] profile) {
        int[] sorted = profile.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)] * BLANK;
    }

    /** The first and last printed entry, or null when nothing is printed. */
    private static int[] printed(int[] profile) {
        double t = threshold(profile);
        int first = -1;
        int last = -1;
        for (int i = 0; i < profile.length; i++) {
            if (profile[i] > t) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return last > first ? new int[] {first, last} : null;
    }

    /** The median length of the blank runs between printed entries within {@code range}, or -1. */
    private static double medianGap(int[] profile, int[] range) {
        double t = threshold(profile);
        int[] runs = new int[profile.length];
        int count = 0;
        int run = 0;
        boolean seenInk = false;
        for (int i = range[0]; i <= range[1]; i++) {
            if (profile[i] > t) {
                if (seenInk && run > 0) {
                    runs[count++] = run;
                }
                seenInk = true;
                run = 0;
            } else {
                run++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int[] gaps = Arrays.copyOf(runs, count);
        Arrays.sort(gaps);
        return gaps[count / 2];
    }
}
