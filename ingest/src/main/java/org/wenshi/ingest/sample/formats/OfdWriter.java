package org.wenshi.ingest.sample.formats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.dom4j.DocumentException;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * OFD e-documents (ofdrw's layout engine, its built-in 宋体 metrics, no font file): one OFD page per
 * entry, the title as a larger first paragraph of page 1, each line of an entry a paragraph. The
 * document id is derived from the content and the creation date is the given one (or the element is
 * removed), so the same arguments give the same bytes. A scanned OFD holds one PNG per page, drawn
 * over the whole page (the size of the image at its resolution) and no text, as a scanner's OFD
 * export does.
 */
final class OfdWriter {
    private static final double TITLE_SIZE = 6;
    private static final double TEXT_SIZE = 4;
    private static final double GAP = 2;
    private static final double MM_PER_INCH = 25.4;

    private OfdWriter() {}

    static void write(Path file, String title, List<String> pageTexts, LocalDate created) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OFDDoc doc = new OFDDoc(bytes)) {
            describe(
                    doc,
                    title,
                    (title + "\u0000" + String.join("\u0001", pageTexts)).getBytes(StandardCharsets.UTF_8),
                    created);
            PageLayout layout = doc.getPageLayout();
            boolean first = true;
            for (String pageText : pageTexts) {
                VirtualPage page = new VirtualPage(layout);
                double y = layout.getMarginTop();
                if (first) {
                    y = place(page, layout, new Paragraph(title, TITLE_SIZE), y);
                    first = false;
                }
                for (String line : pageText.split("\n")) {
                    if (!line.isBlank()) {
                        Paragraph p = new Paragraph(line.strip(), TEXT_SIZE);
                        p.setFirstLineIndent(2);
                        y = place(page, layout, p, y);
                    }
                }
                doc.addVPage(page);
            }
        } catch (Exception e) {
            throw new IOException("cannot write OFD " + file + ": " + e.getMessage(), e);
        }
        DeterministicZip.rewrite(bytes.toByteArray(), file);
    }

    static void writeImages(Path file, String title, List<BufferedImage> pages, int dpi) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages to write");
        }
        Path folder = Files.createTempDirectory("wenshi-ofd-scan-");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MessageDigest content = sha256();
            try (OFDDoc doc = new OFDDoc(bytes)) {
                for (int i = 0; i < pages.size(); i++) {
                    BufferedImage image = pages.get(i);
                    Path png = folder.resolve("page-" + (i + 1) + ".png");
                    if (!ImageIO.write(image, "png", png.toFile())) {
                        throw new IOException("no PNG writer for a page image of type " + image.getType());
                    }
                    content.update(Files.readAllBytes(png));
                    double width = image.getWidth() * MM_PER_INCH / dpi;
                    double height = image.getHeight() * MM_PER_INCH / dpi;
                    PageLayout layout = new PageLayout(width, height);
                    layout.setMargin(0d);
                    VirtualPage page = new VirtualPage(layout);
                    Img img = new Img(width, height, png);
                    img.setPosition(Position.Absolute).setX(0d).setY(0d);
                    page.add(img);
                    doc.addVPage(page);
                }
                describe(doc, title, content.digest(), null);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot write OFD " + file + ": " + e.getMessage(), e);
            }
            DeterministicZip.rewrite(bytes.toByteArray(), file);
        } finally {
            try (var walk = Files.list(folder)) {
                for (Path p : walk.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }

    /** The document's title (none when null), author, an id derived from {@code content}, and its date. */
    private static void describe(OFDDoc doc, String title, byte[] content, LocalDate created)
            throws IOException, DocumentException {
        CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
        if (title != null) {
            info.setTile(title);
        }
        info.setAuthor("Wenshi sample generator");
        info.setDocID(UUID.nameUUIDFromBytes(content));
        if (created != null) {
            info.setCreationDate(created);
        } else {
            info.removeOFDElemByNames("CreationDate");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    private static double place(VirtualPage page, PageLayout layout, Paragraph p, double y) {
        double width = layout.contentWidth();
        p.setWidth(width);
        p.setPosition(Position.Absolute).setX(layout.getMarginLeft()).setY(y);
        page.add(p);
        return y + p.doPrepare(width).getHeight() + GAP;
    }
}
