package org.wenshi.ingest.extract.isolated;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.Type;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.ImageObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicStructure.res.CT_MultiMedia;
import org.ofdrw.core.basicStructure.res.MediaType;
import org.ofdrw.core.basicStructure.res.OFDResource;
import org.ofdrw.core.basicStructure.res.Res;
import org.ofdrw.core.basicStructure.res.resources.MultiMedias;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.basicType.ST_RefID;
import org.ofdrw.core.pageDescription.CT_GraphicUnit;
import org.ofdrw.core.pageDescription.color.color.CT_Color;
import org.ofdrw.core.pageDescription.drawParam.CT_DrawParam;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.core.text.font.CT_Font;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;
import org.ofdrw.reader.ResourceLocator;
import org.ofdrw.reader.ResourceManage;
import org.wenshi.ingest.ocr.Greyscale;

/**
 * Draws the pages of an OFD with Java2D, for the page images of the store and for OCR of pages
 * without text. It exists because ofdrw's own renderer (ofdrw-converter) depends on iText, whose
 * AGPL licence this project does not take: ofdrw-reader gives the page objects and this draws them on
 * a white page, in the order of the layers (background, body, foreground) — image objects at their
 * boundary and transformation matrix, text objects with a CJK font installed on the machine at their
 * TextCode positions and offsets, paths (lines, Bézier curves, arcs) stroked and filled. It also finds
 * the scan of a scanned page: its largest image, in its own pixels.
 *
 * <p>It draws enough to read a page, not a faithful copy: fonts embedded in the document, clipping
 * areas, shadings, patterns, composite objects, image masks, annotations and seals are not drawn. It
 * never throws for a construct it does not know or cannot read (that object is left out, the rest of
 * the page is drawn), never decodes an image whose header declares more than the pixel limit (larger
 * images are decoded at a reduced resolution, enormous ones not at all), never loads a font or
 * anything else from the document into the JVM beyond images, and never writes files.
 */
final class OfdPageRenderer {
    /** A4 in millimetres, for a page that states no size. */
    private static final double A4_WIDTH_MM = 210;

    private static final double A4_HEIGHT_MM = 297;
    /** Page blocks nested deeper than this are not drawn. */
    private static final int MAX_DEPTH = 16;
    /** Characters of one TextCode drawn at most. */
    private static final int MAX_GLYPHS = 100_000;
    /** Operators and numbers of one path read at most. */
    private static final int MAX_PATH_TOKENS = 1_000_000;
    /** OFD's default line width, 0.353 mm (1 pt). */
    private static final double DEFAULT_LINE_WIDTH = 0.353;

    private static final Pattern PATH_TOKEN =
            Pattern.compile("[A-Za-z]|[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Set<String> JBIG2_NAMES = Set.of("jb2", "jbig2", "gbig2");
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, true);

    private final OFDReader reader;
    private final long maxImagePixels;
    private final ResourceManage resources;
    private final Fonts fonts = new Fonts();
    /** Per page (by its location in the package): its own image resources, id to file. */
    private final Map<String, Map<String, Path>> pageMedia = new HashMap<>();

    /**
     * @param reader the open document
     * @param maxImagePixels images whose header declares more pixels than this are not decoded
     */
    OfdPageRenderer(OFDReader reader, long maxImagePixels) {
        this.reader = reader;
        this.maxImagePixels = maxImagePixels;
        ResourceManage r;
        try {
            r = reader.getResMgt();
        } catch (RuntimeException e) {
            r = null; // Unreadable resources: text and paths are still drawn, in default colours.
        }
        this.resources = r;
    }

    /** The page's box (its physical box) in millimetres, A4 at the origin when it states none or a broken one. */
    static Rectangle2D box(PageInfo page) {
        try {
            ST_Box box = page.getSize();
            if (box != null && box.getWidth() > 0 && box.getHeight() > 0) {
                double x = box.getTopLeftX() == null ? 0 : box.getTopLeftX();
                double y = box.getTopLeftY() == null ? 0 : box.getTopLeftY();
                return new Rectangle2D.Double(x, y, box.getWidth(), box.getHeight());
            }
        } catch (RuntimeException e) {
            // A broken page box: the default size.
        }
        return new Rectangle2D.Double(0, 0, A4_WIDTH_MM, A4_HEIGHT_MM);
    }

    /**
     * The page at {@code pixelsPerMm} on white, RGB.
     *
     * @param pixelsPerMm scale; the caller bounds the page's size in pixels through it
     */
    BufferedImage render(PageInfo page, double pixelsPerMm) {
        Rectangle2D box = box(page);
        int width = Math.max(1, (int) Math.round(box.getWidth() * pixelsPerMm));
        int height = Math.max(1, (int) Math.round(box.getHeight() * pixelsPerMm));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            AffineTransform device = AffineTransform.getScaleInstance(pixelsPerMm, pixelsPerMm);
            device.translate(-box.getX(), -box.getY());
            walk(page, (object, layer, toPage) -> {
                AffineTransform t = new AffineTransform(device);
                t.concatenate(toPage);
                g.setTransform(t);
                if (object instanceof ImageObject img) {
                    drawImage(g, img, t, page);
                } else if (object instanceof TextObject text) {
                    drawText(g, text, layer);
                } else if (object instanceof PathObject path) {
                    drawPath(g, path, layer);
                }
            });
        } finally {
            g.dispose();
        }
        return image;
    }

    /** An image object on the page: where its unit square lands (page millimetres), and whether upright. */
    record Placed(ImageObject object, Rectangle2D box, boolean upright) {
        double area() {
            return box.getWidth() * box.getHeight();
        }
    }

    /** The image objects of the page, in drawing order. */
    List<Placed> images(PageInfo page) {
        List<Placed> placed = new ArrayList<>();
        walk(page, (object, layer, toPage) -> {
            if (object instanceof ImageObject img) {
                Rectangle2D box = toPage.createTransformedShape(new Rectangle2D.Double(0, 0, 1, 1))
                        .getBounds2D();
                boolean upright = toPage.getShearX() == 0
                        && toPage.getShearY() == 0
                        && toPage.getScaleX() > 0
                        && toPage.getScaleY() > 0;
                placed.add(new Placed(img, box, upright));
            }
        });
        return placed;
    }

    /**
     * The scan of a scanned page in its own pixels, grey: the page's largest image when it covers at
     * least half the page, is drawn upright, is nearly all the image area of the page (the rest a
     * stamp or a logo) and has no side longer than {@code maxSide}. Null otherwise, or when it cannot
     * be read: the caller then renders the page.
     */
    BufferedImage ownScan(PageInfo page, int maxSide) {
        List<Placed> placed = images(page);
        if (placed.isEmpty()) {
            return null;
        }
        Placed largest =
                placed.stream().max(Comparator.comparingDouble(Placed::area)).orElseThrow();
        double total = placed.stream().mapToDouble(Placed::area).sum();
        Rectangle2D box = box(page);
        if (!largest.upright()
                || largest.area() < 0.5 * box.getWidth() * box.getHeight()
                || largest.area() < 0.9 * total) {
            return null;
        }
        Path file = mediaFile(largest.object(), page);
        if (file == null) {
            return null;
        }
        return decode(file, maxSide, maxSide, true);
    }

    // ---------------------------------------------------------------- walking the page

    /** One page object with its layer and the transformation from its own space to page millimetres. */
    private interface Visitor {
        void visit(PageBlockType object, CT_Layer layer, AffineTransform toPage);
    }

    private void walk(PageInfo page, Visitor visitor) {
        List<CT_Layer> layers;
        try {
            layers = new ArrayList<>(page.getAllLayer());
        } catch (RuntimeException e) {
            try {
                layers = new ArrayList<>(page.getObj().getContent().getLayers());
            } catch (RuntimeException again) {
                return;
            }
        }
        layers.sort(Comparator.comparingInt(OfdPageRenderer::layerOrder));
        for (CT_Layer layer : layers) {
            walk(layer, layer, visitor, 0);
        }
    }

    private static int layerOrder(CT_Layer layer) {
        try {
            Type type = layer.getType();
            return type == Type.Background ? 0 : type == Type.Foreground ? 2 : 1;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private void walk(CT_PageBlock block, CT_Layer layer, Visitor visitor, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<PageBlockType> children;
        try {
            children = block.getPageBlocks();
        } catch (RuntimeException e) {
            return;
        }
        for (PageBlockType child : children) {
            try {
                if (child instanceof CT_PageBlock nested) {
                    walk(nested, layer, visitor, depth + 1);
                } else if (child instanceof CT_GraphicUnit<?> unit && isVisible(unit)) {
                    visitor.visit(child, layer, toPage(unit));
                }
            } catch (RuntimeException e) {
                // An object that cannot be read or drawn is left out; the rest of the page is drawn.
            }
        }
    }

    private static boolean isVisible(CT_GraphicUnit<?> unit) {
        return !"false".equalsIgnoreCase(unit.attributeValue("Visible"));
    }

    /**
     * The object's CTM, then its boundary's origin: its own space to page millimetres. An image
     * without a CTM fills its boundary (the spec's unit square would be one millimetre, which no
     * producer means).
     */
    private static AffineTransform toPage(CT_GraphicUnit<?> unit) {
        ST_Box boundary = unit.getBoundary();
        AffineTransform t = AffineTransform.getTranslateInstance(boundary.getTopLeftX(), boundary.getTopLeftY());
        ST_Array ctm = unit.getCTM();
        Double[] m = ctm == null ? new Double[0] : ctm.toDouble();
        if (m.length == 6) {
            t.concatenate(new AffineTransform(m[0], m[1], m[2], m[3], m[4], m[5]));
        } else if (unit instanceof ImageObject) {
            t.scale(boundary.getWidth(), boundary.getHeight());
        }
        return t;
    }

    // ---------------------------------------------------------------- images

    private void drawImage(Graphics2D g, ImageObject object, AffineTransform toDevice, PageInfo page) {
        Path file = mediaFile(object, page);
        if (file == null) {
            return;
        }
        // Pixels the unit square covers on the device: decode at about that resolution, not more.
        Rectangle2D target = toDevice.createTransformedShape(new Rectangle2D.Double(0, 0, 1, 1))
                .getBounds2D();
        BufferedImage image = decode(file, Math.max(1, target.getWidth()), Math.max(1, target.getHeight()), false);
        if (image == null) {
            return;
        }
        AffineTransform unit = AffineTransform.getScaleInstance(1.0 / image.getWidth(), 1.0 / image.getHeight());
        g.drawImage(image, unit, null);
    }

    /**
     * Decodes an image file: fully when {@code exact} (null when a side is longer than {@code
     * maxWidth} × {@code maxHeight}), else subsampled to no less than that size. Null when the
     * header declares more than the pixel limit, or the file cannot be read.
     */
    private BufferedImage decode(Path file, double maxWidth, double maxHeight, boolean exact) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            ImageReader imageReader = readerFor(in, file);
            if (imageReader == null) {
                return null;
            }
            try {
                imageReader.setInput(in, true, true);
                int w = imageReader.getWidth(0);
                int h = imageReader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > maxImagePixels) {
                    return null;
                }
                ImageReadParam param = imageReader.getDefaultReadParam();
                if (exact) {
                    if (w > maxWidth || h > maxHeight) {
                        return null;
                    }
                } else {
                    int step = (int) Math.max(1, Math.floor(Math.min(w / maxWidth, h / maxHeight)));
                    if (step > 1) {
                        param.setSourceSubsampling(step, step, 0, 0);
                    }
                }
                BufferedImage image = imageReader.read(0, param);
                return exact ? Greyscale.of(image) : image;
            } finally {
                imageReader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ImageReader readerFor(ImageInputStream in, Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (readers.hasNext()) {
            return readers.next();
        }
        // A JBIG2 stream without the file header is not recognised by its bytes: go by the name.
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (JBIG2_NAMES.contains(extension)) {
            readers = ImageIO.getImageReadersByFormatName("jbig2");
            return readers.hasNext() ? readers.next() : null;
        }
        return null;
    }

    /**
     * The file of an image object's resource: from the document's resources, else from the page's own
     * ({@code PageRes}, which ofdrw's resource manager does not read). Null when there is none.
     */
    private Path mediaFile(ImageObject object, PageInfo page) {
        ST_RefID ref = object.getResourceID();
        if (ref == null) {
            return null;
        }
        String id = ref.toString();
        ResourceLocator rl = reader.getResourceLocator();
        CT_MultiMedia media = resources == null ? null : resources.getMultiMedia(id);
        if (media != null && media.getType() == MediaType.Image && media.getMediaFile() != null) {
            rl.save();
            try {
                return rl.getFile(media.getMediaFile());
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                rl.restore();
            }
        }
        return pageMedia
                .computeIfAbsent(String.valueOf(page.getPageAbsLoc()), k -> pageMedia(page))
                .get(id);
    }

    /** The page's own image resources: ids to files. */
    private Map<String, Path> pageMedia(PageInfo page) {
        Map<String, Path> files = new HashMap<>();
        ResourceLocator rl = reader.getResourceLocator();
        List<ST_Loc> locations;
        try {
            locations = page.getObj().getPageResList();
        } catch (RuntimeException e) {
            return files;
        }
        for (ST_Loc location : locations) {
            rl.save();
            try {
                rl.cd(page.getPageAbsLoc().parent());
                Res res = rl.get(location, Res::new);
                rl.cd(location.parent());
                ST_Loc base = res.getBaseLoc();
                for (OFDResource resource : res.getResources()) {
                    if (!(resource instanceof MultiMedias medias)) {
                        continue;
                    }
                    for (CT_MultiMedia media : medias.getMultiMedias()) {
                        ST_Loc file = media.getMediaFile();
                        if (file == null || media.getType() != MediaType.Image) {
                            continue;
                        }
                        ST_Loc absolute;
                        if (file.isRootPath()) {
                            absolute = file;
                        } else if (base != null) {
                            absolute = (base.isRootPath() ? base : rl.getAbsTo(base)).cat(file);
                        } else {
                            absolute = rl.getAbsTo(file);
                        }
                        files.put(media.getID().toString(), rl.getFile(absolute));
                    }
                }
            } catch (Exception e) {
                // An unreadable page resource file: its images are not drawn.
            } finally {
                rl.restore();
            }
        }
        return files;
    }

    // ---------------------------------------------------------------- text

    private void drawText(Graphics2D g, TextObject text, CT_Layer layer) {
        boolean fill = Boolean.TRUE.equals(text.getFill());
        boolean stroke = Boolean.TRUE.equals(text.getStroke());
        if (!fill && !stroke) {
            return;
        }
        CT_Color color = fill ? text.getFillColor() : text.getStrokeColor();
        if (color == null) {
            CT_DrawParam param = drawParam(text.getDrawParam(), layer.getDrawParam());
            if (param != null) {
                color = fill ? param.getFillColor() : param.getStrokeColor();
            }
        }
        g.setColor(colour(color, Color.BLACK));
        Font font = fonts.font(
                        resources == null || text.getFont() == null
                                ? null
                                : resources.getFont(text.getFont().toString()),
                        bold(text))
                .deriveFont((float) (double) text.getSize());
        double hScale = text.getHScale();
        if (hScale > 0 && hScale != 1) {
            font = font.deriveFont(AffineTransform.getScaleInstance(hScale, 1));
        }
        g.setFont(font);
        double x = 0;
        double y = 0;
        for (TextCode code : text.getTextCodes()) {
            String content = code.getContent();
            if (content == null || content.isEmpty()) {
                continue;
            }
            if (code.getX() != null) {
                x = code.getX();
            }
            if (code.getY() != null) {
                y = code.getY();
            }
            int[] chars = content.codePoints().limit(MAX_GLYPHS).toArray();
            double[] dx = deltas(code.getDeltaX(), chars.length - 1);
            double[] dy = deltas(code.getDeltaY(), chars.length - 1);
            for (int i = 0; i < chars.length; i++) {
                String glyph = new String(chars, i, 1);
                if (!Character.isWhitespace(chars[i])) {
                    g.drawString(glyph, (float) x, (float) y);
                }
                if (i < chars.length - 1) {
                    x += dx != null
                            ? dx[i]
                            : font.getStringBounds(glyph, METRICS).getWidth();
                    y += dy != null ? dy[i] : 0;
                }
            }
        }
    }

    private static boolean bold(TextObject text) {
        String weight = text.attributeValue("Weight");
        try {
            return weight != null && Integer.parseInt(weight.trim()) >= 600;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The offsets between {@code n + 1} glyphs: the array's values, {@code g count value} expanded,
     * the last repeated when short; null when there is none. Never more than {@code n} values.
     */
    static double[] deltas(ST_Array array, int n) {
        if (array == null || n <= 0) {
            return null;
        }
        List<String> items = array.getArray();
        double[] out = new double[n];
        int filled = 0;
        for (int i = 0; i < items.size() && filled < n; i++) {
            String item = items.get(i);
            if (item.equals("g") && i + 2 < items.size()) {
                long count = Long.parseLong(items.get(i + 1));
                double value = Double.parseDouble(items.get(i + 2));
                for (long k = 0; k < count && filled < n; k++) {
                    out[filled++] = value;
                }
                i += 2;
            } else {
                out[filled++] = Double.parseDouble(item);
            }
        }
        if (filled == 0) {
            return null;
        }
        for (int i = filled; i < n; i++) {
            out[i] = out[filled - 1];
        }
        return out;
    }

    // ---------------------------------------------------------------- paths

    private void drawPath(Graphics2D g, PathObject path, CT_Layer layer) {
        String data = path.getAbbreviatedData();
        if (data == null || data.isBlank()) {
            return;
        }
        Path2D shape = shape(data);
        if ("Even-Odd".equalsIgnoreCase(path.attributeValue("Rule"))) {
            shape.setWindingRule(Path2D.WIND_EVEN_ODD);
        }
        CT_DrawParam param = drawParam(path.getDrawParam(), layer.getDrawParam());
        if (Boolean.TRUE.equals(path.getFill())) {
            CT_Color fill =
                    path.getFillColor() != null ? path.getFillColor() : param == null ? null : param.getFillColor();
            Color c = colour(fill, null);
            if (c != null) {
                g.setColor(c);
                g.fill(shape);
            }
        }
        if (Boolean.TRUE.equals(path.getStroke())) {
            CT_Color stroke = path.getStrokeColor() != null
                    ? path.getStrokeColor()
                    : param == null ? null : param.getStrokeColor();
            g.setColor(colour(stroke, Color.BLACK));
            double width = path.attributeValue("LineWidth") != null
                    ? path.getLineWidth()
                    : param != null && param.getLineWidth() != null ? param.getLineWidth() : DEFAULT_LINE_WIDTH;
            g.setStroke(new BasicStroke((float) Math.max(0, width)));
            g.draw(shape);
        }
    }

    /**
     * The shape of OFD abbreviated path data: {@code S}/{@code M} x y (move), {@code L} x y (line),
     * {@code Q} x1 y1 x y (quadratic), {@code B} x1 y1 x2 y2 x y (cubic), {@code A} rx ry angle large
     * sweep x y (elliptical arc), {@code C} (close; {@code Z} is read as close too). Reading stops at
     * an unknown operator or a missing operand; what was read before is kept.
     */
    static Path2D shape(String data) {
        List<String> tokens = new ArrayList<>();
        Matcher m = PATH_TOKEN.matcher(data);
        while (m.find() && tokens.size() < MAX_PATH_TOKENS) {
            tokens.add(m.group());
        }
        Path2D.Double path = new Path2D.Double();
        double[] v = new double[7];
        int i = 0;
        boolean started = false;
        while (i < tokens.size()) {
            String op = tokens.get(i++);
            int operands =
                    switch (op) {
                        case "S", "M", "L" -> 2;
                        case "Q" -> 4;
                        case "B" -> 6;
                        case "A" -> 7;
                        case "C", "Z", "z" -> 0;
                        default -> -1;
                    };
            if (operands < 0 || i + operands > tokens.size()) {
                break;
            }
            try {
                for (int k = 0; k < operands; k++) {
                    v[k] = Double.parseDouble(tokens.get(i + k));
                }
            } catch (NumberFormatException e) {
                break;
            }
            i += operands;
            if (!started && !op.equals("S") && !op.equals("M")) {
                if (operands == 0) {
                    continue;
                }
                path.moveTo(0, 0);
            }
            switch (op) {
                case "S", "M" -> path.moveTo(v[0], v[1]);
                case "L" -> path.lineTo(v[0], v[1]);
                case "Q" -> path.quadTo(v[0], v[1], v[2], v[3]);
                case "B" -> path.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                case "A" -> arcTo(path, v[0], v[1], v[2], v[3] != 0, v[4] != 0, v[5], v[6]);
                default -> path.closePath();
            }
            started = true;
        }
        return path;
    }

    /**
     * An elliptical arc from the current point to (x, y), by the endpoint-to-centre conversion of SVG
     * (which OFD's arc operator follows), drawn as cubic Bézier segments of at most 90°.
     */
    private static void arcTo(
            Path2D.Double path, double rx, double ry, double angle, boolean large, boolean sweep, double x, double y) {
        double x0 = path.getCurrentPoint().getX();
        double y0 = path.getCurrentPoint().getY();
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0 || (x0 == x && y0 == y)) {
            path.lineTo(x, y);
            return;
        }
        double phi = Math.toRadians(angle);
        double cos = Math.cos(phi);
        double sin = Math.sin(phi);
        double dx = (x0 - x) / 2;
        double dy = (y0 - y) / 2;
        double x1 = cos * dx + sin * dy;
        double y1 = -sin * dx + cos * dy;
        double lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
        if (lambda > 1) {
            rx *= Math.sqrt(lambda);
            ry *= Math.sqrt(lambda);
        }
        double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
        double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cx1 = coef * rx * y1 / ry;
        double cy1 = -coef * ry * x1 / rx;
        double cx = cos * cx1 - sin * cy1 + (x0 + x) / 2;
        double cy = sin * cx1 + cos * cy1 + (y0 + y) / 2;
        double start = Math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx);
        double end = Math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx);
        double sweepAngle = end - start;
        if (sweep && sweepAngle < 0) {
            sweepAngle += 2 * Math.PI;
        } else if (!sweep && sweepAngle > 0) {
            sweepAngle -= 2 * Math.PI;
        }
        int segments = (int) Math.ceil(Math.abs(sweepAngle) / (Math.PI / 2) - 1e-9);
        double step = sweepAngle / Math.max(1, segments);
        double alpha = 4.0 / 3 * Math.tan(step / 4);
        double t = start;
        for (int s = 0; s < segments; s++) {
            double t2 = t + step;
            double ax = rx * Math.cos(t);
            double ay = ry * Math.sin(t);
            double bx = rx * Math.cos(t2);
            double by = ry * Math.sin(t2);
            double c1x = ax - alpha * rx * Math.sin(t);
            double c1y = ay + alpha * ry * Math.cos(t);
            double c2x = bx + alpha * rx * Math.sin(t2);
            double c2y = by - alpha * ry * Math.cos(t2);
            path.curveTo(
                    cx + cos * c1x - sin * c1y,
                    cy + sin * c1x + cos * c1y,
                    cx + cos * c2x - sin * c2y,
                    cy + sin * c2x + cos * c2y,
                    s == segments - 1 ? x : cx + cos * bx - sin * by,
                    s == segments - 1 ? y : cy + sin * bx + cos * by);
            t = t2;
        }
    }

    // ---------------------------------------------------------------- colours and parameters

    private CT_DrawParam drawParam(ST_RefID own, ST_RefID layer) {
        if (resources == null) {
            return null;
        }
        for (ST_RefID ref : new ST_RefID[] {own, layer}) {
            if (ref != null) {
                CT_DrawParam p = resources.getDrawParamFinal(ref.toString());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The colour's value read as grey (one component), RGB (three) or CMYK (four), 8 bits each (or
     * {@code #hex}), with its alpha; {@code fallback} when absent or not readable that way (an indexed
     * colour, a shading, a pattern).
     */
    static Color colour(CT_Color color, Color fallback) {
        if (color == null || color.getValue() == null) {
            return fallback;
        }
        try {
            List<String> items = color.getValue().getArray();
            int[] c = new int[items.size()];
            for (int i = 0; i < c.length; i++) {
                String s = items.get(i);
                int value = s.startsWith("#") ? Integer.parseInt(s.substring(1), 16) : (int) Double.parseDouble(s);
                c[i] = Math.max(0, Math.min(255, value));
            }
            Integer alpha = color.getAlpha();
            int a = alpha == null ? 255 : Math.max(0, Math.min(255, alpha));
            return switch (c.length) {
                case 1 -> new Color(c[0], c[0], c[0], a);
                case 3 -> new Color(c[0], c[1], c[2], a);
                case 4 ->
                    new Color(
                            (255 - c[0]) * (255 - c[3]) / 255,
                            (255 - c[1]) * (255 - c[3]) / 255,
                            (255 - c[2]) * (255 - c[3]) / 255,
                            a);
                default -> fallback;
            };
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    // ---------------------------------------------------------------- fonts

    /**
     * The installed font that stands in for a document's font: a serif CJK face for 宋体, 仿宋, 楷体 and
     * unnamed fonts, a sans one for 黑体 and fonts named sans or gothic; Noto CJK (fonts-noto-cjk) when
     * installed, else WenQuanYi Zen Hei (fonts-wqy-zenhei), else Java's logical font.
     */
    private static final class Fonts {
        private static final List<String> SERIF = List.of("Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei");
        private static final List<String> SANS = List.of("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC");

        private final Map<String, Font> chosen = new HashMap<>();
        private Set<String> installed;

        Font font(CT_Font font, boolean bold) {
            boolean sans = false;
            if (font != null) {
                String name = (font.getFontName() + " " + font.getFamilyName()).toLowerCase(Locale.ROOT);
                sans = name.contains("黑")
                        || name.contains("hei")
                        || name.contains("sans")
                        || name.contains("gothic")
                        || name.contains("arial")
                        || name.contains("helvetica");
                bold |= Boolean.TRUE.equals(font.getBold());
            }
            String key = (sans ? "sans" : "serif") + (bold ? "-bold" : "");
            boolean b = bold;
            boolean s = sans;
            return chosen.computeIfAbsent(key, k -> pick(s ? SANS : SERIF, s ? Font.SANS_SERIF : Font.SERIF, b));
        }

        private Font pick(List<String> families, String logical, boolean bold) {
            if (installed == null) {
                installed = Set.of(
                        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH));
            }
            int style = bold ? Font.BOLD : Font.PLAIN;
            for (String family : families) {
                if (installed.contains(family)) {
                    return new Font(family, style, 1);
                }
            }
            return new Font(logical, style, 1);
        }
    }
}
