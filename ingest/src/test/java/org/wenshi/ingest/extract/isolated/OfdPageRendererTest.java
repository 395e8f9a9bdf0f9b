package org.wenshi.ingest.extract.isolated;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;
import org.wenshi.ingest.extract.FormatFixtures;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;

/**
 * The OFD page renderer on OFDs written by the sample writers (text pages, a scanned page) and on
 * hand-written ones (paths, colours, page resources, broken and unknown objects, an image bomb):
 * ink where the page's objects are, white elsewhere, the page's proportions.
 */
class OfdPageRendererTest {
    private static final long PIXEL_LIMIT = 100_000_000L;
    /** Pixels of margin around an object's boundary where anti-aliasing and glyph overhang may ink. */
    private static final int SLACK = 3;

    @TempDir
    Path dir;

    private static boolean ink(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int luma = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
        return luma < 160;
    }

    private static int inkIn(BufferedImage image, Rectangle r) {
        Rectangle clipped = r.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int n = 0;
        for (int y = clipped.y; y < clipped.y + clipped.height; y++) {
            for (int x = clipped.x; x < clipped.x + clipped.width; x++) {
                if (ink(image, x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Rectangle pixels(ST_Box mm, double scale) {
        return new Rectangle(
                (int) Math.floor(mm.getTopLeftX() * scale),
                (int) Math.floor(mm.getTopLeftY() * scale),
                (int) Math.ceil(mm.getWidth() * scale),
                (int) Math.ceil(mm.getHeight() * scale));
    }

    private static List<TextObject> textObjects(PageInfo page) {
        List<TextObject> texts = new ArrayList<>();
        for (CT_Layer layer : page.getAllLayer()) {
            for (PageBlockType block : layer.getPageBlocks()) {
                if (block instanceof TextObject t) {
                    texts.add(t);
                }
            }
        }
        return texts;
    }

    @Test
    void drawsEveryTextObjectOfATextPageInsideItsBoundaryAndNothingElsewhere() throws Exception {
        Path ofd = FormatFixtures.ofd(dir);
        try (OFDReader reader = new OFDReader(ofd)) {
            OfdPageRenderer renderer = new OfdPageRenderer(reader, PIXEL_LIMIT);
            PageInfo page = reader.getPageInfo(1);
            double scale = 1200 / 210.0;
            BufferedImage image = renderer.render(page, scale);

            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).as("A4 proportions").isEqualTo((int) Math.round(297 * scale));
            List<TextObject> texts = textObjects(page);
            assertThat(texts).hasSize(3);
            boolean[][] allowed = new boolean[image.getHeight()][image.getWidth()];
            for (TextObject t : texts) {
                Rectangle box = pixels(t.getBoundary(), scale);
                int area = box.width * box.height;
                int chars = t.getTextCodes().get(0).getContent().length();
                assertThat(inkIn(image, box))
                        .as(
                                "ink inside the boundary of '%s'",
                                t.getTextCodes().get(0).getContent())
                        .isGreaterThan(area / 20);
                // Each glyph cell holds ink: the characters are spread along the line, not piled up.
                double advance = t.getSize();
                for (int i = 0; i < chars; i++) {
                    Rectangle cell = new Rectangle(
                            (int) ((t.getBoundary().getTopLeftX() + i * advance) * scale),
                            box.y,
                            (int) (advance * scale),
                            box.height);
                    assertThat(inkIn(image, cell))
                            .as("character %d of %s", i, t.getID())
                            .isPositive();
                }
                box.grow(SLACK, SLACK);
                for (int y = Math.max(0, box.y); y < Math.min(image.getHeight(), box.y + box.height); y++) {
                    for (int x = Math.max(0, box.x); x < Math.min(image.getWidth(), box.x + box.width); x++) {
                        allowed[y][x] = true;
                    }
                }
            }
            int stray = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (!allowed[y][x] && ink(image, x, y)) {
                        stray++;
                    }
                }
            }
            assertThat(stray).as("ink outside every text boundary").isZero();
        }
    }

    @Test
    void drawsAScannedPageFromItsImageAndGivesThatImageInItsOwnPixelsForOcr() throws Exception {
        List<ScannedPage> scans =
                new ScanRenderer(ScanStyle.cleanSimplified()).render("渡口旧事", List.of("解放初期，汝河渡口的木船每日往返两岸，船工多是本村人。"));
        BufferedImage scan = scans.get(0).image();
        Path ofd = dir.resolve("scan.ofd");
        FormatWriters.writeImageOfd(ofd, null, List.of(scan), 200);
        try (OFDReader reader = new OFDReader(ofd)) {
            OfdPageRenderer renderer = new OfdPageRenderer(reader, PIXEL_LIMIT);
            PageInfo page = reader.getPageInfo(1);

            BufferedImage own = renderer.ownScan(page, 4000);
            assertThat(own).isNotNull();
            assertThat(own.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(own.getWidth()).isEqualTo(scan.getWidth());
            assertThat(own.getHeight()).isEqualTo(scan.getHeight());
            assertThat(own.getRaster().getPixels(0, 0, own.getWidth(), own.getHeight(), (int[]) null))
                    .as("the scan's own pixels, not a resampling")
                    .isEqualTo(scan.getRaster().getPixels(0, 0, scan.getWidth(), scan.getHeight(), (int[]) null));
            assertThat(renderer.ownScan(page, 1000))
                    .as("a scan larger than the OCR limit")
                    .isNull();

            double scale = 600 / OfdPageRenderer.box(page).getWidth();
            BufferedImage rendered = renderer.render(page, scale);
            assertThat(rendered.getWidth()).isEqualTo(600);
            assertThat((double) rendered.getHeight() / rendered.getWidth())
                    .isCloseTo((double) scan.getHeight() / scan.getWidth(), org.assertj.core.data.Offset.offset(0.01));
            double factor = (double) scan.getWidth() / rendered.getWidth();
            int[] inkRows = inkRows(scan);
            Rectangle printed = new Rectangle(
                    0,
                    (int) (inkRows[0] / factor),
                    rendered.getWidth(),
                    (int) ((inkRows[1] - inkRows[0]) / factor) + 1);
            assertThat(inkIn(rendered, printed))
                    .as("ink where the scan has its lines")
                    .isGreaterThan(500);
            Rectangle below = new Rectangle(
                    0,
                    (int) (inkRows[1] / factor) + SLACK,
                    rendered.getWidth(),
                    rendered.getHeight() - (int) (inkRows[1] / factor) - SLACK);
            assertThat(below.height).isGreaterThan(rendered.getHeight() / 2);
            assertThat(inkIn(rendered, below))
                    .as("white below the scan's last line")
                    .isZero();
        }
    }

    /** The first and last rows of a grey image that hold dark pixels. */
    private static int[] inkRows(BufferedImage grey) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                if (grey.getRaster().getSample(x, y, 0) < 128) {
                    first = first < 0 ? y : first;
                    last = y;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }

    @Test
    void fillsAndStrokesPathsWithLinesCurvesAndArcsInTheirColours() throws Exception {
        Path ofd = handWritten(
                "<ofd:Layer ID=\"2\">"
                        + "<ofd:PathObject ID=\"3\" Boundary=\"10 10 20 10\" Fill=\"true\" Stroke=\"false\">"
                        + "<ofd:FillColor Value=\"255 0 0\"/>"
                        + "<ofd:AbbreviatedData>M 0 0 L 20 0 L 20 10 L 0 10 C</ofd:AbbreviatedData></ofd:PathObject>"
                        + "<ofd:PathObject ID=\"4\" Boundary=\"50 5 40 40\" LineWidth=\"1\">"
                        + "<ofd:AbbreviatedData>M 0 20 B 10 0 30 0 40 20 M 0 35 A 10 10 0 0 1 20 35"
                        + "</ofd:AbbreviatedData></ofd:PathObject>"
                        + "<ofd:PathObject ID=\"5\" Boundary=\"0 0 100 50\" DrawParam=\"9\">"
                        + "<ofd:AbbreviatedData>M 5 45 L 95 45</ofd:AbbreviatedData></ofd:PathObject>"
                        + "</ofd:Layer>",
                "<ofd:DrawParams><ofd:DrawParam ID=\"9\" LineWidth=\"2\">"
                        + "<ofd:StrokeColor Value=\"0 0 255\"/></ofd:DrawParam></ofd:DrawParams>",
                Map.of());
        BufferedImage image = render(ofd, 10);

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).as("the page's own 100 × 50 mm").isEqualTo(500);
        assertThat(new Color(image.getRGB(200, 150))).isEqualTo(Color.RED);
        assertThat(new Color(image.getRGB(95, 150))).as("left of the rectangle").isEqualTo(Color.WHITE);
        assertThat(new Color(image.getRGB(305, 150)))
                .as("right of the rectangle")
                .isEqualTo(Color.WHITE);
        // The Bézier curve's midpoint lies at (70, 10) mm; the arc's top at (60, 30) mm.
        assertThat(inkIn(image, new Rectangle(695, 95, 10, 10))).isPositive();
        assertThat(inkIn(image, new Rectangle(695, 150, 10, 10)))
                .as("under the curve")
                .isZero();
        assertThat(inkIn(image, new Rectangle(595, 295, 10, 10))).isPositive();
        assertThat(inkIn(image, new Rectangle(595, 395, 10, 10)))
                .as("below the arc, which bulges up")
                .isZero();
        assertThat(new Color(image.getRGB(500, 450)))
                .as("line stroked in the colour of its drawing parameter")
                .isEqualTo(Color.BLUE);
    }

    @Test
    void leavesOutBrokenAndUnknownObjectsAndDrawsTheRest() throws Exception {
        Path ofd = handWritten(
                "<ofd:Layer ID=\"2\">"
                        + "<ofd:Unknown ID=\"3\"/>"
                        + "<ofd:PathObject ID=\"4\" Boundary=\"not a box\"><ofd:AbbreviatedData>M 0 0 L 9 9"
                        + "</ofd:AbbreviatedData></ofd:PathObject>"
                        + "<ofd:CompositeObject ID=\"5\" Boundary=\"0 0 10 10\" ResourceID=\"77\"/>"
                        + "<ofd:ImageObject ID=\"6\" Boundary=\"0 0 10 10\" ResourceID=\"78\"/>"
                        + "<ofd:TextObject ID=\"7\" Boundary=\"0 0 10 10\" Font=\"79\"><ofd:TextCode X=\"0\" Y=\"5\">无字号"
                        + "</ofd:TextCode></ofd:TextObject>"
                        + "<ofd:PathObject ID=\"8\" Boundary=\"0 0 100 50\" Fill=\"true\" CTM=\"1 0 0\">"
                        + "<ofd:FillColor Value=\"0 0 0\"/>"
                        + "<ofd:AbbreviatedData>M 40 10 L 60 10 L 60 30 L 40 30 C X 1 2 L 0 0</ofd:AbbreviatedData>"
                        + "</ofd:PathObject>"
                        + "<ofd:PageBlock ID=\"9\"><ofd:PathObject ID=\"10\" Boundary=\"0 0 100 50\" Fill=\"true\">"
                        + "<ofd:FillColor Value=\"#00 #80 #00\"/>"
                        + "<ofd:AbbreviatedData>M 70 10 L 90 10 L 90 30 L 70 30 C</ofd:AbbreviatedData>"
                        + "</ofd:PathObject></ofd:PageBlock>"
                        + "</ofd:Layer>",
                "",
                Map.of());
        BufferedImage image = render(ofd, 10);

        assertThat(new Color(image.getRGB(500, 200)))
                .as("the good path after the broken ones")
                .isEqualTo(Color.BLACK);
        assertThat(new Color(image.getRGB(800, 200)))
                .as("a path inside a page block")
                .isEqualTo(new Color(0, 128, 0));
        assertThat(inkIn(image, new Rectangle(0, 0, 120, 120)))
                .as("nothing for the objects that cannot be read")
                .isZero();
    }

    @Test
    void drawsAnImageFromThePagesOwnResourcesAtItsBoundaryAndTransformation() throws Exception {
        BufferedImage black = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(black, "png", png);
        Path ofd = handWritten(
                "<ofd:Layer ID=\"2\"><ofd:ImageObject ID=\"3\" ResourceID=\"20\" Boundary=\"20 10 40 20\""
                        + " CTM=\"40 0 0 20 0 0\"/></ofd:Layer>",
                "",
                Map.of(
                        "Doc_0/Pages/Page_0/PageRes.xml",
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res xmlns:ofd=\"http://www.ofdspec.org/2016\""
                                        + " BaseLoc=\"Res\"><ofd:MultiMedias><ofd:MultiMedia ID=\"20\" Type=\"Image\""
                                        + " Format=\"PNG\"><ofd:MediaFile>black.png</ofd:MediaFile></ofd:MultiMedia>"
                                        + "</ofd:MultiMedias></ofd:Res>")
                                .getBytes(StandardCharsets.UTF_8),
                        "Doc_0/Pages/Page_0/Res/black.png",
                        png.toByteArray()));
        BufferedImage image = render(ofd, 10);

        assertThat(inkIn(image, new Rectangle(202, 102, 396, 196))).isEqualTo(396 * 196);
        assertThat(inkIn(image, new Rectangle(0, 0, 1000, 95))).isZero();
        assertThat(inkIn(image, new Rectangle(0, 305, 1000, 195))).isZero();
        assertThat(inkIn(image, new Rectangle(0, 0, 195, 500))).isZero();
        assertThat(inkIn(image, new Rectangle(605, 0, 395, 500))).isZero();
        try (OFDReader reader = new OFDReader(ofd)) {
            List<OfdPageRenderer.Placed> placed =
                    new OfdPageRenderer(reader, PIXEL_LIMIT).images(reader.getPageInfo(1));
            assertThat(placed).hasSize(1);
            assertThat(placed.get(0).box()).isEqualTo(new Rectangle2D.Double(20, 10, 40, 20));
            assertThat(placed.get(0).upright()).isTrue();
        }
    }

    @Test
    void stretchesAnImageWithoutATransformationOverItsBoundary() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        Path ofd = handWritten(
                "<ofd:Layer ID=\"2\"><ofd:ImageObject ID=\"3\" ResourceID=\"20\" Boundary=\"50 0 50 50\"/></ofd:Layer>",
                "<ofd:MultiMedias><ofd:MultiMedia ID=\"20\" Type=\"Image\" Format=\"PNG\">"
                        + "<ofd:MediaFile>small.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>",
                Map.of("Doc_0/Res/small.png", png.toByteArray()));
        BufferedImage image = render(ofd, 10);

        assertThat(inkIn(image, new Rectangle(505, 5, 490, 490))).isEqualTo(490 * 490);
        assertThat(inkIn(image, new Rectangle(0, 0, 495, 500))).isZero();
    }

    @Test
    void neverDecodesAnImageWhoseHeaderDeclaresMorePixelsThanTheLimit() throws Exception {
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        byte[] bomb = withDeclaredSize(png.toByteArray(), 200_000, 200_000);
        Path ofd = handWritten(
                "<ofd:Layer ID=\"2\"><ofd:ImageObject ID=\"3\" ResourceID=\"20\" Boundary=\"0 0 100 50\""
                        + " CTM=\"100 0 0 50 0 0\"/></ofd:Layer>",
                "<ofd:MultiMedias><ofd:MultiMedia ID=\"20\" Type=\"Image\" Format=\"PNG\">"
                        + "<ofd:MediaFile>bomb.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>",
                Map.of("Doc_0/Res/bomb.png", bomb));
        long start = System.nanoTime();
        try (OFDReader reader = new OFDReader(ofd)) {
            OfdPageRenderer renderer = new OfdPageRenderer(reader, PIXEL_LIMIT);
            PageInfo page = reader.getPageInfo(1);
            assertThat(renderer.images(page)).hasSize(1);
            assertThat(renderer.ownScan(page, Integer.MAX_VALUE)).isNull();
            BufferedImage image = renderer.render(page, 10);
            assertThat(inkIn(image, new Rectangle(0, 0, 1000, 500))).isZero();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void readsPathDataOperatorsAndStopsAtTheFirstItCannotRead() {
        assertThat(OfdPageRenderer.shape("M 0 0 A 5 5 0 0 1 10 0").getBounds2D())
                .as("a clockwise half circle over the top (y grows downwards)")
                .satisfies(b -> {
                    assertThat(b.getMinX()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(b.getMaxX()).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(b.getMinY()).isCloseTo(-5, org.assertj.core.data.Offset.offset(0.05));
                    assertThat(b.getMaxY()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
                });
        assertThat(OfdPageRenderer.shape("S1 1L5,1 L 5 5Z").getBounds2D())
                .isEqualTo(new Rectangle2D.Double(1, 1, 4, 4));
        assertThat(OfdPageRenderer.shape("M 0 0 L 4 0 L 4 x L 9 9").getBounds2D())
                .isEqualTo(new Rectangle2D.Double(0, 0, 4, 0));
        assertThat(OfdPageRenderer.shape("Q 2 2 4 0").getBounds2D().getMaxX()).isEqualTo(4);
    }

    @Test
    void expandsGlyphOffsetsAndNeverMakesMoreThanTheTextNeeds() {
        assertThat(OfdPageRenderer.deltas(ST_Array.getInstance("1 g 3 2.5 4"), 6))
                .containsExactly(1, 2.5, 2.5, 2.5, 4, 4);
        assertThat(OfdPageRenderer.deltas(ST_Array.getInstance("g 2000000000 1"), 3))
                .containsExactly(1, 1, 1);
        assertThat(OfdPageRenderer.deltas(null, 3)).isNull();
    }

    // ---------------------------------------------------------------- hand-written OFDs

    private BufferedImage render(Path ofd, double scale) throws Exception {
        try (OFDReader reader = new OFDReader(ofd)) {
            return new OfdPageRenderer(reader, PIXEL_LIMIT).render(reader.getPageInfo(1), scale);
        }
    }

    /**
     * A one-page OFD of 100 × 50 mm whose page content is {@code layers}, whose document resources
     * are {@code resources} (base folder {@code Res}), with {@code files} added to the package. When a
     * file named {@code PageRes.xml} is among them, the page refers to it.
     */
    private Path handWritten(String layers, String resources, Map<String, byte[]> files) throws Exception {
        String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        boolean pageRes = files.keySet().stream().anyMatch(f -> f.endsWith("PageRes.xml"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "OFD.xml",
                (head + "<ofd:OFD " + ns + " Version=\"1.2\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>"
                                + "<ofd:DocID>0123456789abcdef0123456789abcdef</ofd:DocID></ofd:DocInfo>"
                                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "Doc_0/Document.xml",
                (head + "<ofd:Document " + ns + "><ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID>"
                                + "<ofd:PageArea><ofd:PhysicalBox>0 0 100 50</ofd:PhysicalBox></ofd:PageArea>"
                                + "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
                                + "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                                + "</ofd:Document>")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "Doc_0/DocumentRes.xml",
                (head + "<ofd:Res " + ns + " BaseLoc=\"Res\">" + resources + "</ofd:Res>")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "Doc_0/Pages/Page_0/Content.xml",
                (head + "<ofd:Page " + ns + ">" + (pageRes ? "<ofd:PageRes>PageRes.xml</ofd:PageRes>" : "")
                                + "<ofd:Content>" + layers + "</ofd:Content></ofd:Page>")
                        .getBytes(StandardCharsets.UTF_8));
        entries.putAll(files);
        Path file = Files.createTempFile(dir, "hand-", ".ofd");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A PNG whose header (IHDR, with its checksum) declares another size than its pixels have. */
    private static byte[] withDeclaredSize(byte[] png, int width, int height) {
        byte[] out = png.clone();
        // Signature (8 bytes), IHDR length (4), "IHDR" (4): width at 16, height at 20, CRC at 29.
        putInt(out, 16, width);
        putInt(out, 20, height);
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17);
        putInt(out, 29, (int) crc.getValue());
        return out;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
