package org.wenshi.portal.compilations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import org.wenshi.portal.compilations.CompilationRecords.Chapter;
import org.wenshi.portal.compilations.CompilationRecords.Compilation;
import org.wenshi.portal.compilations.CompilationRecords.Item;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The manuscript of a compilation as a DOCX (Apache POI): a title page, a table of contents (the
 * chapters), the preface, the chapters (headings 黑体, text 宋体), each item's text followed by a
 * footnote citing its source in GB/T 7714-2015 (with the page of a scan), the editor's note after it,
 * and a bibliography of every source once, in order of first use. Headings carry Word's heading
 * styles (outline levels), so Word's navigation pane and "update table" work on them.
 */
@Component
public class Manuscript {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String BODY_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String LATIN_FONT = "Times New Roman";

    /** Builds the DOCX on a worker thread: POI is blocking and a 300-item volume takes a moment. */
    public Mono<byte[]> docx(Compilation compilation) {
        return Mono.fromCallable(() -> write(compilation, LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    static byte[] write(Compilation c, LocalDate today) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            headingStyles(doc);
            doc.getProperties().getCoreProperties().setTitle(c.title());
            doc.getProperties().getCoreProperties().setCreator(c.createdBy());

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(4000);
            run(title, c.title(), HEADING_FONT, 26, true);
            XWPFParagraph made = doc.createParagraph();
            made.setAlignment(ParagraphAlignment.CENTER);
            made.setSpacingBefore(1200);
            run(
                    made,
                    "编者：" + c.createdBy() + "　　" + today.getYear() + "年" + today.getMonthValue() + "月"
                            + today.getDayOfMonth() + "日",
                    BODY_FONT,
                    12,
                    false);
            pageBreak(doc);

            heading(doc, "目录", 1);
            int n = 0;
            for (Chapter h : c.chapters()) {
                n++;
                XWPFParagraph line = doc.createParagraph();
                run(line, chapterLabel(n) + "　" + h.title() + "（" + h.items().size() + " 篇）", BODY_FONT, 12, false);
            }
            XWPFParagraph biblioLine = doc.createParagraph();
            run(biblioLine, "参考文献", BODY_FONT, 12, false);
            pageBreak(doc);

            if (c.preface() != null && !c.preface().isBlank()) {
                heading(doc, "前言", 1);
                paragraphs(doc, c.preface());
                pageBreak(doc);
            }

            Map<String, Integer> sources = new LinkedHashMap<>();
            List<String> entries = new ArrayList<>();
            n = 0;
            for (Chapter h : c.chapters()) {
                n++;
                heading(doc, chapterLabel(n) + "　" + h.title(), 1);
                for (Item i : h.items()) {
                    heading(doc, i.docTitle() == null ? "[无题名]" : i.docTitle(), 2);
                    XWPFParagraph last = paragraphs(doc, i.text());
                    XWPFFootnote note = doc.createFootnote();
                    XWPFParagraph cite = note.createParagraph();
                    run(cite, " " + i.citation(), BODY_FONT, 9, false);
                    last.addFootnoteReference(note);
                    if (i.sourceChanged()) {
                        XWPFParagraph warn = doc.createParagraph();
                        run(warn, "〔编者注：此段引文收录后，档案中的原文已有改动，请核对。〕", BODY_FONT, 10, false)
                                .setItalic(true);
                    }
                    if (i.note() != null && !i.note().isBlank()) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(420);
                        run(p, "【编者按】", HEADING_FONT, 11, false);
                        run(p, i.note(), BODY_FONT, 11, false).setItalic(true);
                    }
                    String entry = bibliographyEntry(i);
                    if (!sources.containsKey(entry)) {
                        sources.put(entry, sources.size() + 1);
                        entries.add(entry);
                    }
                }
            }

            pageBreak(doc);
            heading(doc, "参考文献", 1);
            for (int k = 0; k < entries.size(); k++) {
                XWPFParagraph p = doc.createParagraph();
                p.setIndentationHanging(420);
                p.setIndentationLeft(420);
                run(p, "[" + (k + 1) + "] " + entries.get(k), BODY_FONT, 11, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manuscript", e);
        }
    }

    /** The source as a whole: the document's reference without a passage's page. */
    private static String bibliographyEntry(Item i) {
        return i.bibliography() != null ? i.bibliography() : i.citation();
    }

    static String chapterLabel(int n) {
        return "第" + chineseNumber(n) + "章";
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (chapters of a volume: up to 999). */
    static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n <= 0 || n > 999) {
            return Integer.toString(n);
        }
        int hundreds = n / 100;
        int tens = (n / 10) % 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (hundreds > 0) {
            s.append(digits[hundreds]).append('百');
            if (tens == 0 && ones > 0) {
                s.append('零');
            }
        }
        if (tens > 0) {
            if (!(tens == 1 && hundreds == 0)) {
                s.append(digits[tens]);
            }
            s.append('十');
        }
        if (ones > 0) {
            s.append(digits[ones]);
        }
        return s.toString();
    }

    /** Text by lines, each a paragraph with a two-character first-line indent; returns the last. */
    private static XWPFParagraph paragraphs(XWPFDocument doc, String text) {
        XWPFParagraph last = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationFirstLine(480);
            p.setSpacingBetween(1.5);
            run(p, line.strip(), BODY_FONT, 12, false);
            last = p;
        }
        if (last == null) {
            last = doc.createParagraph();
        }
        return last;
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        if (level == 1) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        p.setSpacingBefore(level == 1 ? 480 : 240);
        p.setSpacingAfter(240);
        run(p, text, HEADING_FONT, level == 1 ? 16 : 14, true);
    }

    private static void pageBreak(XWPFDocument doc) {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    /** Word's "heading 1" and "heading 2" (outline levels 0 and 1), 黑体. */
    private static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 2; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading " + level);
            style.addNewBasedOn().setVal("Normal");
            style.addNewNext().setVal("Normal");
            style.addNewUiPriority().setVal(BigInteger.valueOf(9));
            style.addNewQFormat();
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
            CTFonts fonts = style.addNewRPr().addNewRFonts();
            fonts.setEastAsia(HEADING_FONT);
            fonts.setAscii(LATIN_FONT);
            fonts.setHAnsi(LATIN_FONT);
            styles.addStyle(new XWPFStyle(style, styles));
        }
    }
}
