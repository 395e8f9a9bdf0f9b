package org.wenshi.portal.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.Fields;

/**
 * Documents with what only the document page shows, written for these tests: a scanned article of
 * a 文史资料 volume whose two pages are rendered here (Java2D, JPEG) into a store with their OCR word
 * boxes and an original file, and a text printed twice (a main version and a reprint that changes
 * a sentence and adds one). Texts are invented; "政协" occurs once on each scanned page.
 */
public final class DocumentFixtures {
    public static final String SCAN = "a1b2c3d4e5f60718";
    public static final String MAIN_VERSION = "b0c0d0e0f0a0b0a1";
    public static final String REPRINT = "b0c0d0e0f0a0b0a2";
    public static final String REPRINT_GROUP = "group-citang";

    public static final String PAGE_1 = "一九五六年春，县里筹备成立政协，\n筹备处设在城东一座旧祠堂里。\n委员们白天下乡走访，晚上整理史料。";
    public static final String PAGE_2 = "第一次全体会议开了三天，\n会上讨论了征集文史资料的办法，\n大家都说政协的事要靠大家商量。";
    /** Pages are joined by a blank line; the second begins after it. */
    public static final String SCAN_TEXT = PAGE_1 + "\n\n" + PAGE_2;

    public static final String MAIN_TEXT =
            "城东旧祠堂建于清末，原为林氏宗祠。\n" + "解放初期祠堂改作小学，后来又做过仓库。\n" + "一九五六年县政协筹备处曾借用东厢房办公。\n" + "如今祠堂已经修缮，辟为地方史料陈列室。";
    public static final String REPRINT_TEXT = "城东旧祠堂建于清末，原为林氏宗祠。\n"
            + "解放初期祠堂改作小学，后来又做过粮库。\n"
            + "一九五六年县政协筹备处曾借用东厢房办公。\n"
            + "如今祠堂已经修缮，辟为地方史料陈列室。\n"
            + "本文转载时略有删改。";

    static final int PAGE_WIDTH = 900;
    static final int PAGE_HEIGHT = 1200;
    static final int MARGIN = 80;
    static final int LINE_HEIGHT = 64;
    static final int FONT_SIZE = 36;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentFixtures() {}

    /** Writes the store's files under {@code store} and returns the documents that name them. */
    public static List<Map<String, Object>> documents(Path store) throws IOException {
        DocumentStore layout = new DocumentStore(store);
        List<Map<String, Object>> pages = new ArrayList<>();
        int offset = 0;
        String[] texts = {PAGE_1, PAGE_2};
        for (int i = 0; i < texts.length; i++) {
            int n = i + 1;
            renderPage(layout, n, texts[i]);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("n", n);
            page.put("label", String.valueOf(14 + n));
            page.put("text", texts[i]);
            page.put("start_offset", offset);
            page.put("end_offset", offset + texts[i].length());
            page.put("image", DocumentStore.pageImagePath(SCAN, n));
            page.put("thumbnail", DocumentStore.thumbnailPath(SCAN, n));
            page.put("hocr", DocumentStore.wordsPath(SCAN, n));
            page.put("ocr_confidence", 0.91);
            pages.add(page);
            offset += texts[i].length() + 2;
        }
        Path original = layout.root().resolve(DocumentStore.originalPath(SCAN, "pdf"));
        Files.createDirectories(original.getParent());
        Files.writeString(original, "%PDF-1.4\n% fixture original of the scanned article\n", StandardCharsets.US_ASCII);

        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put(Fields.ID, SCAN);
        scan.put(Fields.TITLE, "回忆县政协筹备时期的几件事");
        scan.put(Fields.TEXT, SCAN_TEXT);
        scan.put(Fields.AUTHOR, List.of("林守仁"));
        scan.put(Fields.EDITORS, List.of("政协示例县委员会文史资料研究委员会"));
        scan.put(Fields.SERIES, "示例县文史资料");
        scan.put(Fields.VOLUME, "2");
        scan.put(Fields.PUBLISHER, "政协示例县委员会文史资料研究委员会");
        scan.put(Fields.YEAR, 1986);
        scan.put(Fields.DATE, "1986");
        scan.put(Fields.TYPE, "文史资料");
        scan.put(Fields.URL, "file:///data/sample/vol2.pdf");
        scan.put(Fields.MEDIA_TYPE, "application/pdf");
        scan.put(Fields.OCR, true);
        scan.put(Fields.CONTENT_HASH, "c0ffee01");
        scan.put(Fields.ORIGINAL, DocumentStore.originalPath(SCAN, "pdf"));
        scan.put(Fields.PAGES, pages);
        scan.put(Fields.PAGE_COUNT, 2);

        return List.of(
                scan,
                version(MAIN_VERSION, "城东祠堂旧事", MAIN_TEXT, "示例县政协网", "https://www.example.cn/sample/citang.html", true),
                version(REPRINT, "城东祠堂旧事", REPRINT_TEXT, "示例日报", "https://www.example.cn/daily/citang.html", false));
    }

    private static Map<String, Object> version(
            String id, String title, String text, String source, String url, boolean canonical) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.ID, id);
        doc.put(Fields.TITLE, title);
        doc.put(Fields.TEXT, text);
        doc.put(Fields.SOURCE, source);
        doc.put(Fields.URL, url);
        doc.put(Fields.DATE, canonical ? "2021-04-02" : "2021-05-10");
        doc.put(Fields.YEAR, 2021);
        doc.put(Fields.TYPE, "文史资料");
        doc.put(Fields.DUPLICATE_GROUP, REPRINT_GROUP);
        doc.put(Fields.CANONICAL, canonical);
        if (canonical) {
            doc.put(Fields.REPRINTS, 1); // as ingest counts it: REPRINT
        } else {
            doc.put(Fields.DUPLICATE_OF, MAIN_VERSION);
        }
        return doc;
    }

    /** One box per character, as an OCR engine reading Chinese gives them. */
    public record Word(String text, int x, int y, int w, int h, int start, int end) {}

    /** The word boxes of a page's text laid out as {@link #renderPage} draws it. */
    public static List<Word> layout(String text, FontMetrics metrics) {
        List<Word> words = new ArrayList<>();
        int line = 0;
        int x = MARGIN;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                x = MARGIN;
                continue;
            }
            int w = metrics.charWidth(c);
            int top = MARGIN + line * LINE_HEIGHT;
            words.add(new Word(String.valueOf(c), x, top, w, FONT_SIZE + 8, i, i + 1));
            x += w;
        }
        return words;
    }

    private static void renderPage(DocumentStore layout, int n, String text) throws IOException {
        BufferedImage image = new BufferedImage(PAGE_WIDTH, PAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf4, 0xee, 0xdc)); // aged paper
        g.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font("Noto Serif CJK SC", Font.PLAIN, FONT_SIZE));
        FontMetrics metrics = g.getFontMetrics();
        List<Word> words = layout(text, metrics);
        for (Word w : words) {
            g.drawString(w.text(), w.x(), w.y() + metrics.getAscent());
        }
        g.drawString("— " + (14 + n) + " —", PAGE_WIDTH / 2 - 40, PAGE_HEIGHT - MARGIN);
        g.dispose();

        Path page = layout.root().resolve(DocumentStore.pageImagePath(SCAN, n));
        Files.createDirectories(page.getParent());
        ImageIO.write(image, "jpg", page.toFile());

        BufferedImage thumb = new BufferedImage(200, 200 * PAGE_HEIGHT / PAGE_WIDTH, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = thumb.createGraphics();
        t.drawImage(image, 0, 0, thumb.getWidth(), thumb.getHeight(), null);
        t.dispose();
        ImageIO.write(
                thumb,
                "jpg",
                layout.root().resolve(DocumentStore.thumbnailPath(SCAN, n)).toFile());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("width", PAGE_WIDTH);
        json.put("height", PAGE_HEIGHT);
        json.put("words", words);
        JSON.writeValue(layout.root().resolve(DocumentStore.wordsPath(SCAN, n)).toFile(), json);
    }

    /** The boxes the words file gives for the characters of {@code PAGE_n} from {@code start} to {@code end}. */
    public static List<Word> wordsOf(Path store, int n) throws IOException {
        var root = JSON.readTree(store.resolve(DocumentStore.wordsPath(SCAN, n)).toFile());
        List<Word> words = new ArrayList<>();
        root.path("words")
                .forEach(w -> words.add(new Word(
                        w.path("text").asText(),
                        w.path("x").asInt(),
                        w.path("y").asInt(),
                        w.path("w").asInt(),
                        w.path("h").asInt(),
                        w.path("start").asInt(),
                        w.path("end").asInt())));
        return words;
    }
}
