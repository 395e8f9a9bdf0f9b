package org.wenshi.ingest.sample.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * EPUB 3 books: a package document with the title (and a date when given), a navigation document,
 * and one XHTML file per chapter whose first line is the chapter heading and the rest paragraphs.
 */
final class EpubWriter {
    private EpubWriter() {}

    static void write(Path file, String title, List<String> chapters, LocalDate created) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", bytes("application/epub+zip"));
        entries.put("META-INF/container.xml", bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles>
                    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """));
        StringBuilder manifest = new StringBuilder();
        StringBuilder spine = new StringBuilder();
        StringBuilder nav = new StringBuilder();
        for (int i = 0; i < chapters.size(); i++) {
            String name = String.format("chapter%03d.xhtml", i + 1);
            String[] lines = chapters.get(i).strip().split("\n");
            StringBuilder body = new StringBuilder();
            body.append("<h2>").append(escape(lines[0].strip())).append("</h2>\n");
            for (int l = 1; l < lines.length; l++) {
                if (!lines[l].isBlank()) {
                    body.append("<p>").append(escape(lines[l].strip())).append("</p>\n");
                }
            }
            entries.put("OEBPS/" + name, bytes(xhtml(lines[0].strip(), body.toString())));
            manifest.append("    <item id=\"c")
                    .append(i + 1)
                    .append("\" href=\"")
                    .append(name)
                    .append("\" media-type=\"application/xhtml+xml\"/>\n");
            spine.append("    <itemref idref=\"c").append(i + 1).append("\"/>\n");
            nav.append("<li><a href=\"")
                    .append(name)
                    .append("\">")
                    .append(escape(lines[0].strip()))
                    .append("</a></li>\n");
        }
        entries.put("OEBPS/nav.xhtml", bytes(xhtml(title, "<nav epub:type=\"toc\"><ol>\n" + nav + "</ol></nav>\n")));
        String id = UUID.nameUUIDFromBytes(bytes(title + "\u0000" + String.join("\u0001", chapters)))
                .toString();
        entries.put("OEBPS/content.opf", bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="zh-CN">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="bookid">urn:uuid:%s</dc:identifier>
                    <dc:title>%s</dc:title>
                    <dc:language>zh-CN</dc:language>
                    <dc:creator>Wenshi sample generator</dc:creator>
                %s    <meta property="dcterms:modified">2020-01-01T00:00:00Z</meta>
                  </metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                %s  </manifest>
                  <spine>
                %s  </spine>
                </package>
                """.formatted(
                        id,
                        escape(title),
                        created == null ? "" : "    <dc:date>" + created + "</dc:date>\n",
                        manifest,
                        spine)));
        DeterministicZip.write(entries, file);
    }

    private static String xhtml(String title, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">
                <head><meta charset="UTF-8"/><title>%s</title></head>
                <body>
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
