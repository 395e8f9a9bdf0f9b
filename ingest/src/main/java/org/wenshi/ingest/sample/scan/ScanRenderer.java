package org.wenshi.ingest.sample.scan;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays out a title and paragraphs on A4 pages and draws them like a clean scan of a printed book:
 * body text set solid on a grid, paragraphs indented by two characters, closing punctuation never at
 * the start of a line, the title centred and bold on the first page. Vertical pages run columns top
 * to bottom, right to left, with the vertical forms of punctuation. It exists so OCR can be tested
 * and measured against known text; it never reads text from anywhere but its arguments, and the same
 * text and style always give the same pixels.
 */
public final class ScanRenderer {
    /** A4 in inches. */
    private static final double PAGE_WIDTH_IN = 8.27;

    private static final double PAGE_HEIGHT_IN = 11.69;
    private static final double MARGIN_IN = 0.9;
    /** Distance between lines (or columns), in ems of the body text. */
    private static final double LINE_PITCH = 1.75;

    private static final double TITLE_SCALE = 1.5;
    private static final String NO_LINE_START = "，。、：；！？）》」』〉】”’…—·,.;:!?)";
    private static final Map<Character, Character> VERTICAL_FORMS = Map.ofEntries(
            Map.entry('，', '\uFE10'),
            Map.entry('、', '\uFE11'),
            Map.entry('。', '\uFE12'),
            Map.entry('：', '\uFE13'),
            Map.entry('；', '\uFE14'),
            Map.entry('！', '\uFE15'),
            Map.entry('？', '\uFE16'),
            Map.entry('…', '\uFE19'),
            Map.entry('—', '\uFE31'),
            Map.entry('（', '\uFE35'),
            Map.entry('）', '\uFE36'),
            Map.entry('《', '\uFE3D'),
            Map.entry('》', '\uFE3E'),
            Map.entry('〈', '\uFE3F'),
            Map.entry('〉', '\uFE40'),
            Map.entry('「', '\uFE41'),
            Map.entry('」', '\uFE42'),
            Map.entry('『', '\uFE43'),
            Map.entry('』', '\uFE44'));

    private final ScanStyle style;
    private final Font body;
    private final Font heading;
    private final int width;
    private final int height;
    private final int margin;
    private final int em;
    private final int pitch;

    public ScanRenderer(ScanStyle style) {
        this.style = style;
        this.em = (int) Math.round(style.pixels(style.points()));
        this.body = CjkFonts.font(style.typeface(), false, style.traditional(), em);
        this.heading = CjkFonts.font(style.typeface(), true, style.traditional(), (float) (em * TITLE_SCALE));
        this.width = (int) Math.round(PAGE_WIDTH_IN * style.dpi());
        this.height = (int) Math.round(PAGE_HEIGHT_IN * style.dpi());
        this.margin = (int) Math.round(MARGIN_IN * style.dpi());
        this.pitch = (int) Math.round(em * LINE_PITCH);
    }

    public ScanStyle style() {
        return style;
    }

    /** One laid-out line (or column): its text, whether it is the title, where it starts across the page. */
    private record Line(String text, boolean title, int indent) {}

    /** Renders {@code title} (may be null) and {@code paragraphs} on as many pages as they need. */
    public List<ScannedPage> render(String title, List<String> paragraphs) {
        List<List<Line>> pages = paginate(title, paragraphs);
        List<ScannedPage> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<Line> lines = pages.get(i);
            BufferedImage image = draw(lines);
            image = skewed(image, style.skewDegrees());
            speckle(image, style.noise(), style.seed() * 31 + i);
            StringBuilder text = new StringBuilder();
            for (Line l : lines) {
                if (!l.text().isEmpty()) {
                    text.append(text.length() == 0 ? "" : "\n").append(l.text());
                }
            }
            out.add(new ScannedPage(i + 1, image, text.toString()));
        }
        return out;
    }

    private boolean vertical() {
        return style.writing() == ScanStyle.Writing.VERTICAL_RIGHT_TO_LEFT;
    }

    /** Characters per line (or column) and lines (or columns) per page. */
    private int lineLength() {
        return ((vertical() ? height : width) - 2 * margin) / em;
    }

    private int linesPerPage() {
        return ((vertical() ? width : height) - 2 * margin - em) / pitch + 1;
    }

    private List<List<Line>> paginate(String title, List<String> paragraphs) {
        List<Line> all = new ArrayList<>();
        int length = lineLength();
        if (title != null && !title.isBlank()) {
            int titleLength = (int) (length / TITLE_SCALE);
            for (String part : breakLines(title.strip(), titleLength, 0)) {
                all.add(new Line(part, true, 0));
            }
            all.add(new Line("", false, 0));
        }
        for (String p : paragraphs) {
            String text = p.strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> parts = breakLines(text, length, 2);
            for (int i = 0; i < parts.size(); i++) {
                all.add(new Line(parts.get(i), false, i == 0 ? 2 : 0));
            }
        }
        List<List<Line>> pages = new ArrayList<>();
        int perPage = linesPerPage();
        for (int i = 0; i < all.size(); i += perPage) {
            List<Line> page = new ArrayList<>(all.subList(i, Math.min(all.size(), i + perPage)));
            while (!page.isEmpty() && page.get(0).text().isEmpty()) {
                page.remove(0);
            }
            pages.add(page);
        }
        return pages;
    }

    /**
     * Breaks a paragraph into lines of {@code length} cells, the first indented by {@code indent};
     * a closing punctuation mark that would begin a line hangs at the end of the previous one.
     */
    private static List<String> breakLines(String text, int length, int indent) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int room = length - indent;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + room);
            while (end < text.length() && NO_LINE_START.indexOf(text.charAt(end)) >= 0 && end - start <= room) {
                end++;
            }
            lines.add(text.substring(start, end));
            start = end;
            room = length;
        }
        return lines;
    }

    private BufferedImage draw(List<Line> lines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (vertical()) {
                    drawColumn(g, line, width - margin - em - i * pitch);
                } else {
                    drawLine(g, line, margin + i * pitch);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One horizontal line whose em box starts at {@code top}: CJK characters on a grid of one em. */
    private void drawLine(Graphics2D g, Line line, int top) {
        Font font = line.title() ? heading : body;
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        int cell = font.getSize();
        int advance = 0;
        for (int i = 0; i < line.text().length(); i++) {
            advance += advance(m, line.text().charAt(i), cell);
        }
        int x = line.title() ? (width - advance) / 2 : margin + line.indent() * cell;
        int baseline = top + (int) Math.round(cell * 0.88);
        for (int i = 0; i < line.text().length(); i++) {
            char c = line.text().charAt(i);
            g.drawString(String.valueOf(c), x, baseline);
            x += advance(m, c, cell);
        }
    }

    /** A full cell for CJK characters and punctuation, the font's own width for Latin letters and digits. */
    private static int advance(FontMetrics m, char c, int cell) {
        return c < 0x2E80 ? m.charWidth(c) : cell;
    }

    /** One vertical column whose em box starts at {@code left}: one character per cell, top to bottom. */
    private void drawColumn(Graphics2D g, Line line, int left) {
        Font font = line.title() ? heading : body;
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        int cell = font.getSize();
        int x0 = line.title() ? left - (cell - em) : left;
        int y = margin
                + (line.title() ? (height - 2 * margin - line.text().length() * cell) / 2 : line.indent() * cell);
        for (int i = 0; i < line.text().length(); i++) {
            char c = line.text().charAt(i);
            char shown = VERTICAL_FORMS.getOrDefault(c, c);
            if (!font.canDisplay(shown)) {
                shown = c;
            }
            int w = m.charWidth(shown);
            g.drawString(String.valueOf(shown), x0 + (cell - w) / 2, y + (int) Math.round(cell * 0.88));
            y += cell;
        }
    }

    private static BufferedImage skewed(BufferedImage image, double degrees) {
        if (degrees == 0) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(
                    image,
                    AffineTransform.getRotateInstance(
                            Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0),
                    null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scanner noise: a share of pixels turned into dark specks on paper and light holes in ink. */
    private static void speckle(BufferedImage image, double share, long seed) {
        if (share <= 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        WritableRaster r = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        long count = Math.round(share * w * h);
        for (long k = 0; k < count; k++) {
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int v = r.getSample(x, y, 0);
            r.setSample(x, y, 0, v > 127 ? random.nextInt(0, 140) : random.nextInt(170, 256));
        }
    }
}
