package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.document.DocumentFixtures;

/**
 * The manuscript as a printer gets it: exported through the API, opened again with POI (text, order,
 * footnotes with GB/T 7714 citations and the scan's page, fonts) and converted to PDF by LibreOffice
 * headless, whose text is read back with pdftotext. .ci/run installs LibreOffice and poppler-utils; a
 * machine without them fails here, saying so.
 */
class ManuscriptIT extends PortalWithEditors {

    static final String PASSAGE = "会上讨论了征集文史资料的办法";

    long compilation(EditorHttp editor) {
        long id = editor.post("/api/compilations", Map.of("title", "示例县文史资料选编", "preface", "为纪念县政协成立，特编此辑。"))
                .json()
                .path("id")
                .asLong();
        long ch1 = editor.newChapter(id, "筹备");
        long ch2 = editor.newChapter(id, "旧址");
        int start = DocumentFixtures.SCAN_TEXT.indexOf(PASSAGE);
        assertThat(editor.post(
                                "/api/compilations/" + id + "/items",
                                Map.of(
                                        "chapter_id",
                                        ch1,
                                        "doc_id",
                                        DocumentFixtures.SCAN,
                                        "start",
                                        start,
                                        "end",
                                        start + PASSAGE.length(),
                                        "note",
                                        "标点依原书"))
                        .status())
                .isEqualTo(201);
        assertThat(editor.post(
                                "/api/compilations/" + id + "/items",
                                Map.of("chapter_id", ch2, "doc_id", DocumentFixtures.MAIN_VERSION))
                        .status())
                .isEqualTo(201);
        return id;
    }

    @Test
    void theDocxReadsBackWithFootnotesFontsAndBibliography() throws IOException {
        EditorHttp editor = account("printer", "editor");
        long id = compilation(editor);
        EditorHttp.Response docx = editor.send("GET", "/api/compilations/" + id + "/export.docx", null, "*/*");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.header("Content-Type")).isEqualTo(Manuscript.DOCX);
        assertThat(docx.header("Content-Disposition")).contains("attachment", ".docx");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            List<String> paragraphs =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            String all = String.join("\n", paragraphs);
            assertThat(paragraphs.get(0)).isEqualTo("示例县文史资料选编");
            assertThat(all)
                    .containsSubsequence(
                            "目录",
                            "第一章　筹备",
                            "第二章　旧址",
                            "前言",
                            "为纪念县政协成立",
                            "第一章　筹备",
                            "回忆县政协筹备时期的几件事",
                            PASSAGE,
                            "【编者按】标点依原书",
                            "第二章　旧址",
                            "城东祠堂旧事",
                            "城东旧祠堂建于清末",
                            "参考文献",
                            "[1] ",
                            "[2] ");
            assertThat(all).doesNotContain("筹备处设在城东").as("only the passage of the scan, not its whole text");

            List<String> notes = doc.getFootnotes().stream()
                    .map(XWPFFootnote::getParagraphs)
                    .flatMap(List::stream)
                    .map(XWPFParagraph::getText)
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
            assertThat(notes).hasSize(2);
            assertThat(notes.get(0)).startsWith("林守仁. 回忆县政协筹备时期的几件事[M]//").endsWith("1986: 16.");
            assertThat(notes.get(1)).contains("城东祠堂旧事[EB/OL]").contains("https://www.example.cn/sample/citang.html");

            XWPFParagraph passage = doc.getParagraphs().stream()
                    .filter(p -> p.getText().contains(PASSAGE))
                    .findFirst()
                    .orElseThrow();
            XWPFRun run = passage.getRuns().get(0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
            XWPFParagraph heading = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("第一章　筹备") && "Heading1".equals(p.getStyle()))
                    .findFirst()
                    .orElseThrow();
            assertThat(heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("黑体");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        }

        Path dir = Files.createTempDirectory("wenshi-manuscript-");
        Path file = dir.resolve("manuscript.docx");
        Files.write(file, docx.bytes());
        String pdfText = libreOfficeText(dir, file);
        assertThat(pdfText.replaceAll("\\s+", "")).contains("示例县文史资料选编", PASSAGE, "参考文献", "林守仁");
    }

    @Test
    void badExportsAnswer404() {
        EditorHttp editor = account("printer2", "editor");
        assertThat(editor.get("/api/compilations/424242/export.docx").status()).isEqualTo(404);
        assertThat(EditorHttp.anonymous(port)
                        .get("/api/compilations/1/export.docx")
                        .status())
                .isEqualTo(401);
    }

    /** LibreOffice headless: DOCX to PDF, then pdftotext; fails loudly when either is missing. */
    static String libreOfficeText(Path dir, Path docx) throws IOException {
        Path profile = dir.resolve("lo-profile");
        run(
                dir,
                List.of(
                        "soffice",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        dir.toString(),
                        docx.toString()));
        Path pdf = dir.resolve("manuscript.pdf");
        assertThat(pdf).as("LibreOffice wrote the PDF").exists();
        run(
                dir,
                List.of(
                        "pdftotext",
                        "-enc",
                        "UTF-8",
                        pdf.toString(),
                        dir.resolve("manuscript.txt").toString()));
        return Files.readString(dir.resolve("manuscript.txt"), StandardCharsets.UTF_8);
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is not installed: .ci/run installs libreoffice-writer-nogui and"
                            + " poppler-utils (apt-get install -y libreoffice-writer-nogui poppler-utils)",
                    e);
        }
        try {
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done && p.exitValue() == 0)
                    .as("%s: %s", command.stream().collect(Collectors.joining(" ")), out)
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
