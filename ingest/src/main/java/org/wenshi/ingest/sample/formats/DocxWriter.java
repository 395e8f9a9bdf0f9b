package org.wenshi.ingest.sample.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word documents (DOCX, with POI): the title as a paragraph in the "heading 1" style, so readers and
 * Tika see it as the first heading, then one paragraph per entry with a two-character indent.
 */
final class DocxWriter {
    private static final String HEADING = "Heading1";

    private DocxWriter() {}

    static void write(Path file, String title, List<String> paragraphs, LocalDate created) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId(HEADING);
            heading.addNewName().setVal("heading 1");
            heading.setType(STStyleType.PARAGRAPH);
            styles.addStyle(new XWPFStyle(heading));

            XWPFParagraph h = doc.createParagraph();
            h.setStyle(HEADING);
            h.createRun().setText(title);
            for (String p : paragraphs) {
                if (!p.isBlank()) {
                    doc.createParagraph().createRun().setText("\u3000\u3000" + p.strip());
                }
            }
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setTitle(title);
            core.setCreator("Wenshi sample generator");
            Optional<Date> date = Optional.ofNullable(created)
                    .map(d -> Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
            core.setCreated(date);
            core.setModified(date);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            DeterministicZip.rewrite(bytes.toByteArray(), file);
        }
    }
}
