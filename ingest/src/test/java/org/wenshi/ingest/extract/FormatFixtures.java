package org.wenshi.ingest.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.wenshi.ingest.sample.formats.FormatWriters;

/**
 * Writes the scenario files of the non-web formats into a folder, named by scenario
 * ({@code pdf_text_two_pages.pdf}, {@code pdf_encrypted.pdf}, {@code docx_bomb.docx} …): good files
 * through the sample writers, scans rendered from known text, and broken files made from good ones.
 * The Word-binary files (DOC, WPS) are committed fixtures (see {@code fixtures/WORD_BINARY.md}).
 */
public final class FormatFixtures {
    public static final String PDF_TITLE = "周口市政协文史资料委员会工作回顾";
    public static final List<String> PDF_PAGES = List.of(
            "一九八三年春，周口地区政协成立文史资料研究委员会，委员们分头走访老人，记录沙颍河航运与码头商号的旧事，" + "整理出回忆文章四十余篇。\n第一辑于次年付印，印数两千册，分送各县图书馆与档案馆保存。",
            "第二页记述关帝庙会的变迁：庙会起于清代中叶，每年农历五月举办，商贩云集，戏班连演三日。\n" + "抗战期间庙会一度停办，一九五〇年后恢复为物资交流大会。");
    /** The text the scanned page shows. */
    public static final String SCANNED_TEXT = "淮阳太昊陵庙会历史悠久";

    public static final String DOCX_TITLE = "开封市政协委员建议保护老城区历史街巷";
    public static final List<String> DOCX_PARAGRAPHS =
            List.of("在市政协十三届三次会议上，多名委员联名提交提案，建议对书店街、鼓楼街一带的历史街巷实施整体保护。", "提案提出，应建立街巷档案，聘请本地老人口述街巷沿革，并将口述资料交由文史委员会整理出版。");

    public static final String OFD_TITLE = "洛阳市政协关于编纂牡丹文化史料的报告";
    public static final List<String> OFD_PAGES =
            List.of("牡丹文化史料编纂工作自去年启动，已收集民国时期花会照片三百余幅。\n编纂组走访了十二位老花农。", "第二部分介绍洛阳花会的组织方式与参展品种的变化。");

    public static final String EPUB_TITLE = "安阳殷墟发掘亲历记";
    public static final List<String> EPUB_CHAPTERS =
            List.of("第一章　初到小屯\n那年秋天，发掘队住进小屯村的农家院，白天下探方，晚上整理记录。", "第二章　甲骨出土\n一坑甲骨重见天日时，在场的村民与队员都屏住了呼吸。");

    private FormatFixtures() {}

    public static Path pdfTextTwoPages(Path dir) throws IOException {
        Path f = dir.resolve("pdf_text_two_pages.pdf");
        FormatWriters.writePdf(f, PDF_TITLE, PDF_PAGES, java.time.LocalDate.of(2015, 6, 1));
        return f;
    }

    /** Page 1 has a text layer, page 2 is a scan (an image of {@link #SCANNED_TEXT}). */
    public static Path pdfMixed(Path dir) throws IOException {
        Path text = Files.createTempFile(dir, "text-", ".pdf");
        FormatWriters.writePdf(text, PDF_TITLE, PDF_PAGES.subList(0, 1));
        Path f = dir.resolve("pdf_mixed_text_and_scan.pdf");
        try (PDDocument doc = Loader.loadPDF(text.toFile())) {
            addScannedPage(doc, SCANNED_TEXT);
            doc.save(f.toFile());
        }
        Files.delete(text);
        return f;
    }

    /** Only scans: two image pages. */
    public static Path pdfScanned(Path dir) throws IOException {
        Path f = dir.resolve("pdf_scanned_two_pages.pdf");
        try (PDDocument doc = new PDDocument()) {
            addScannedPage(doc, SCANNED_TEXT);
            addScannedPage(doc, "项城袁寨古民居");
            doc.save(f.toFile());
        }
        return f;
    }

    public static Path pdfEncrypted(Path dir) throws IOException {
        Path f = dir.resolve("pdf_encrypted.pdf");
        Path plain = pdfTextTwoPages(Files.createTempDirectory(dir, "plain"));
        try (PDDocument doc = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(f.toFile());
        }
        return f;
    }

    /** A PDF header followed by garbage. */
    public static Path pdfCorrupt(Path dir) throws IOException {
        byte[] good = Files.readAllBytes(pdfTextTwoPages(Files.createTempDirectory(dir, "good")));
        byte[] bad = Arrays.copyOf(good, good.length);
        for (int i = 16; i < bad.length - 16; i++) {
            bad[i] = (byte) ((i * 31) ^ 0x5A);
        }
        return Files.write(dir.resolve("pdf_corrupt.pdf"), bad);
    }

    /** The first third of a good PDF. */
    public static Path pdfTruncated(Path dir) throws IOException {
        byte[] good = Files.readAllBytes(pdfTextTwoPages(Files.createTempDirectory(dir, "good")));
        return Files.write(dir.resolve("pdf_truncated.pdf"), Arrays.copyOf(good, good.length / 3));
    }

    public static Path docx(Path dir) throws IOException {
        Path f = dir.resolve("docx_title_and_paragraphs.docx");
        FormatWriters.writeDocx(f, DOCX_TITLE, DOCX_PARAGRAPHS, java.time.LocalDate.of(2021, 3, 15));
        return f;
    }

    public static final String DOCX_AS_PDF_TITLE = "商丘市政协文史委员会编辑归德府城墙史话";

    /** A DOCX (its own text) under a .pdf name. */
    public static Path docxNamedPdf(Path dir) throws IOException {
        Path f = dir.resolve("docx_named_as.pdf");
        FormatWriters.writeDocx(f, DOCX_AS_PDF_TITLE, List.of("归德府城墙始建于明代正德年间，城外有护城河与城湖环绕，史话收录了修城、守城与护城的旧闻。"));
        return f;
    }

    /** A zip of notes, not a Word file, under a .docx name. */
    public static Path zipNamedDocx(Path dir) throws IOException {
        Path f = dir.resolve("zip_named_as.docx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("会议记录".getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    /** A PNG image under a .pdf name. */
    public static Path pngNamedPdf(Path dir) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scan("图片", 200, 100), "png", png);
        return Files.write(dir.resolve("png_named_as.pdf"), png.toByteArray());
    }

    /**
     * A DOCX whose document.xml inflates from about 100 KB to about 100 MB of text: POI's zip-bomb
     * guard (inflation ratio) must stop it.
     */
    public static Path docxBomb(Path dir) throws IOException {
        Path good = docx(Files.createTempDirectory(dir, "docx"));
        Path f = dir.resolve("docx_bomb.docx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(good));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("word/document.xml")) {
                    writeBombDocument(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return f;
    }

    private static void writeBombDocument(ZipOutputStream out) throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>")
                .getBytes(StandardCharsets.UTF_8));
        byte[] block = "政协".repeat(1 << 15).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 512; i++) {
            out.write(block);
        }
        out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
    }

    public static Path epub(Path dir) throws IOException {
        Path f = dir.resolve("epub_two_chapters.epub");
        FormatWriters.writeEpub(f, EPUB_TITLE, EPUB_CHAPTERS);
        return f;
    }

    public static Path ofd(Path dir) throws IOException {
        Path f = dir.resolve("ofd_two_pages.ofd");
        FormatWriters.writeOfd(f, OFD_TITLE, OFD_PAGES);
        return f;
    }

    /** Only scans: two pages, each one image of A4 at 150 dpi (the first shows {@link #SCANNED_TEXT}), no text. */
    public static Path ofdScanned(Path dir) throws IOException {
        Path f = dir.resolve("ofd_scanned_two_pages.ofd");
        FormatWriters.writeImageOfd(f, null, List.of(scan(SCANNED_TEXT, 1240, 1754), scan("项城袁寨古民居", 1240, 1754)), 150);
        return f;
    }

    /** Page 1 has text ({@link #OFD_TITLE} and the first of {@link #OFD_PAGES}), page 2 is a scan of {@link #SCANNED_TEXT}. */
    public static Path ofdMixed(Path dir) throws IOException {
        Path png = Files.createTempFile(dir, "scan-", ".png");
        ImageIO.write(scan(SCANNED_TEXT, 1240, 1754), "png", png.toFile());
        Path f = dir.resolve("ofd_mixed_text_and_scan.ofd");
        try (OFDDoc doc = new OFDDoc(f)) {
            PageLayout layout = doc.getPageLayout();
            VirtualPage text = new VirtualPage(layout);
            Paragraph p = new Paragraph(OFD_TITLE + "。" + OFD_PAGES.get(0).replace("\n", ""), 4d);
            p.setWidth(layout.contentWidth());
            p.setPosition(Position.Absolute).setX(layout.getMarginLeft()).setY(layout.getMarginTop());
            text.add(p);
            doc.addVPage(text);
            PageLayout a4 = PageLayout.A4();
            a4.setMargin(0d);
            VirtualPage scanned = new VirtualPage(a4);
            Img img = new Img(a4.getWidth(), a4.getHeight(), png);
            img.setPosition(Position.Absolute).setX(0d).setY(0d);
            scanned.add(img);
            doc.addVPage(scanned);
        }
        Files.delete(png);
        return f;
    }

    public static Path zeroBytePdf(Path dir) throws IOException {
        return Files.write(dir.resolve("pdf_zero_bytes.pdf"), new byte[0]);
    }

    private static void addScannedPage(PDDocument doc, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        BufferedImage image = scan(text, 1240, 1754);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    /** A white page with {@code text} in black, like a clean scan. */
    static BufferedImage scan(String text, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font("Noto Serif CJK SC", Font.PLAIN, Math.max(12, width / 20)));
            g.drawString(text, width / 10, height / 6);
        } finally {
            g.dispose();
        }
        return image;
    }
}
