package org.wenshi.ingest.sample.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * OFD e-documents (ofdrw's layout engine, its built-in 宋体 metrics, no font file): one OFD page per
 * entry, the title as a larger first paragraph of page 1, each line of an entry a paragraph. The
 * document id is derived from the content and the creation date is the given one (or the element is
 * removed), so the same arguments give the same bytes.
 */
final class OfdWriter {
    private static final double TITLE_SIZE = 6;
    private static final double TEXT_SIZE = 4;
    private static final double GAP = 2;

    private OfdWriter() {}

    static void write(Path file, String title, List<String> pageTexts, LocalDate created) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OFDDoc doc = new OFDDoc(bytes)) {
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile(title);
            info.setAuthor("Wenshi sample generator");
            info.setDocID(UUID.nameUUIDFromBytes(
                    (title + "\u0000" + String.join("\u0001", pageTexts)).getBytes(StandardCharsets.UTF_8)));
            if (created != null) {
                info.setCreationDate(created);
            } else {
                info.removeOFDElemByNames("CreationDate");
            }
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

    private static double place(VirtualPage page, PageLayout layout, Paragraph p, double y) {
        double width = layout.contentWidth();
        p.setWidth(width);
        p.setPosition(Position.Absolute).setX(layout.getMarginLeft()).setY(y);
        page.add(p);
        return y + p.doPrepare(width).getHeight() + GAP;
    }
}
