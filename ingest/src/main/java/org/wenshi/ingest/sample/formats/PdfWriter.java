package org.wenshi.ingest.sample.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * PDFs with a Chinese text layer and no embedded font: text is set in {@code STSong-Light}, one of
 * the Adobe CJK fonts every PDF reader substitutes (the way many Chinese office PDFs are made), through
 * the predefined {@code UniGB-UCS2-H} CMap, so text extraction needs no font file and the writer
 * needs none either. Lines are wrapped at the page width; a page text longer than a page continues on
 * extra pages. Paragraphs start with a two-character indent, as Chinese documents do.
 */
final class PdfWriter {
    private static final float FONT_SIZE = 12;
    private static final float TITLE_SIZE = 18;
    private static final float LEADING = 20;
    private static final float MARGIN = 72;
    private static final String INDENT = "\u3000\u3000";

    private PdfWriter() {}

    static void write(Path file, String title, List<String> pageTexts, LocalDate created) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts());
            boolean first = true;
            for (String pageText : pageTexts) {
                List<Line> lines = new ArrayList<>();
                if (first) {
                    for (String l : wrap(title, TITLE_SIZE)) {
                        lines.add(new Line(l, TITLE_SIZE));
                    }
                    lines.add(new Line("", FONT_SIZE));
                    first = false;
                }
                for (String paragraph : pageText.split("\n")) {
                    if (!paragraph.isBlank()) {
                        for (String l : wrap(INDENT + paragraph.strip(), FONT_SIZE)) {
                            lines.add(new Line(l, FONT_SIZE));
                        }
                    }
                }
                for (List<Line> physical : paginate(lines)) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    page.setResources(resources);
                    PDStream content = new PDStream(doc);
                    try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                        out.write(contentStream(physical));
                    }
                    page.setContents(content);
                    doc.addPage(page);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Wenshi sample generator");
            if (created != null) {
                GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
                c.clear();
                c.set(created.getYear(), created.getMonthValue() - 1, created.getDayOfMonth());
                info.setCreationDate(c);
            }
            COSArray id = new COSArray();
            byte[] digest = digest(title + "\u0000" + String.join("\u0001", pageTexts) + created);
            id.add(new COSString(digest));
            id.add(new COSString(digest));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            AtomicFile.write(file, bytes.toByteArray());
        }
    }

    private record Line(String text, float size) {}

    /** The font resources: /F1 = STSong-Light, Adobe-GB1, horizontal UCS-2 codes. */
    private static COSDictionary fonts() {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray bbox = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);

        COSDictionary system = new COSDictionary();
        system.setString(COSName.REGISTRY, "Adobe");
        system.setString(COSName.ORDERING, "GB1");
        system.setInt(COSName.SUPPLEMENT, 2);

        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cid.setName(COSName.BASE_FONT, "STSong-Light");
        cid.setItem(COSName.CIDSYSTEMINFO, system);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSArray widths = new COSArray(); // CIDs 1-95 are the half-width ASCII glyphs
        widths.add(COSInteger.get(1));
        widths.add(COSInteger.get(95));
        widths.add(COSInteger.get(500));
        cid.setItem(COSName.W, widths);

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, "STSong-Light");
        type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(cid);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);

        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), type0);
        return fonts;
    }

    /** Width of {@code c} in ems: ASCII is half width, everything else full width. */
    private static double ems(char c) {
        return c < 0x80 ? 0.5 : 1.0;
    }

    /** Wraps {@code text} to the page width at {@code size} points. */
    private static List<String> wrap(String text, float size) {
        double width = (PDRectangle.A4.getWidth() - 2 * MARGIN) / size;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                c = '\u3013'; // outside UCS-2: the geta mark stands in
                if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()) {
                    i++;
                }
            }
            if (used + ems(c) > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(c);
            used += ems(c);
        }
        lines.add(line.toString());
        return lines;
    }

    private static List<List<Line>> paginate(List<Line> lines) {
        int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
        List<List<Line>> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += perPage) {
            pages.add(lines.subList(i, Math.min(lines.size(), i + perPage)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    private static byte[] contentStream(List<Line> lines) {
        StringBuilder s = new StringBuilder("BT\n");
        s.append(String.format(Locale.ROOT, "%.0f TL\n", LEADING));
        s.append(String.format(Locale.ROOT, "%.0f %.0f Td\n", MARGIN, PDRectangle.A4.getHeight() - MARGIN));
        float size = -1;
        for (Line line : lines) {
            if (line.size() != size) {
                size = line.size();
                s.append(String.format(Locale.ROOT, "/F1 %.0f Tf\n", size));
            }
            s.append('<');
            for (int i = 0; i < line.text().length(); i++) {
                s.append(String.format(Locale.ROOT, "%04X", (int) line.text().charAt(i)));
            }
            s.append("> Tj T*\n");
        }
        s.append("ET\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
