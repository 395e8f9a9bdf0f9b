package org.wenshi.ingest.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.wenshi.ingest.extract.isolated.ParseRequest;
import org.wenshi.ingest.extract.isolated.ParsedDocument;
import org.wenshi.ingest.extract.isolated.ParsedDocument.ParsedPage;
import org.wenshi.ingest.extract.isolated.ParserPool;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.ocr.OcrException;
import org.wenshi.ingest.ocr.OcrResult;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.store.StoreWriter;

/**
 * PDF, DOC, DOCX, WPS, OFD and EPUB: the formats whose parsers run isolated in a
 * {@link ParserPool} worker. The worker finds the real type from the bytes (a file with the wrong
 * extension is read as what it is, or handed to the extractor of its real format, or refused with
 * "not a pdf file: looks like …"), reads the text per page and renders page images into the store;
 * here pages without a text layer are read by {@link Ocr} (confidence and word boxes kept), the text
 * is cleaned ({@link LayoutText}), page offsets are laid down and the original file is kept.
 *
 * <p>It never lets a parser run in the ingest process, and a page that needs OCR when no OCR is
 * available fails the document (with that reason) rather than indexing it without that page.
 */
public final class IsolatedExtractor implements Extractor {
    private static final int TITLE_MAX = 200;
    private static final Pattern JUNK_TITLE = Pattern.compile(
            "(?i)(untitled.*|无标题.*|新建.*文档.*|文档\\d*|document\\d*|slide \\d+|\\S+\\.(docx?|pdf|wps|ofd|txt)|[-_\\s\\d.]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format expected;
    private final ParserPool pool;
    private final StoreWriter store;
    private final Ocr ocr;
    private final Function<Format, Optional<Extractor>> others;

    /**
     * @param expected the format this extractor is registered for (the file name's promise)
     * @param pool the isolated parsers
     * @param store where originals and page images go; null to keep none (tests, benchmarks)
     * @param ocr reads pages without a text layer; null when OCR is not available
     * @param others the extractor of another format, for a file whose bytes are of that format
     */
    public IsolatedExtractor(
            Format expected,
            ParserPool pool,
            StoreWriter store,
            Ocr ocr,
            Function<Format, Optional<Extractor>> others) {
        this.expected = expected;
        this.pool = pool;
        this.store = store;
        this.ocr = ocr;
        this.others = others;
    }

    @Override
    public Extraction extract(ExtractInput input) throws ExtractionException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty file (0 bytes)");
        }
        String id = input.documentId().orElse(null);
        String storeRoot =
                store == null || id == null ? null : store.store().root().toString();
        ParsedDocument parsed = pool.parse(new ParseRequest(expected.fieldValue(), id, storeRoot, bytes));
        if (parsed.format() == null) {
            return delegate(input, parsed.detectedType());
        }
        Format format = Format.forExtension(parsed.format()).orElseThrow();
        String text;
        List<Page> pages = new ArrayList<>();
        if (parsed.text() != null) {
            text = LayoutText.paragraphs(parsed.text());
        } else {
            text = pages(parsed, id, pages);
        }
        if (text.isBlank()) {
            throw new ExtractionException("no text: the " + format.fieldValue() + " file holds no readable text");
        }
        Map<Metadata, String> metadata = new EnumMap<>(Metadata.class);
        if (parsed.metadata().containsKey("author")) {
            metadata.put(Metadata.AUTHOR, parsed.metadata().get("author"));
        }
        if (parsed.metadata().containsKey("created")) {
            metadata.put(Metadata.PUBLISHED, parsed.metadata().get("created"));
        }
        String title = title(parsed.metadata(), text);
        String original = null;
        if (store != null && id != null) {
            try {
                original = store.keepOriginal(id, format.fieldValue(), bytes);
            } catch (IOException e) {
                throw new ExtractionException("cannot keep the original in the store: " + e.getMessage());
            }
        }
        return new Extraction(title, text, StandardCharsets.UTF_8, metadata, List.of(), pages, original);
    }

    private Extraction delegate(ExtractInput input, String detectedType) throws ExtractionException {
        Optional<Format> real = Format.forMediaType(detectedType).filter(f -> f != expected);
        Optional<Extractor> other = real.flatMap(others);
        if (other.isEmpty()) {
            throw new ExtractionException("not a " + expected.fieldValue() + " file: looks like " + detectedType);
        }
        return other.get().extract(input);
    }

    /** Cleans and OCRs the pages into {@code pages}; returns the document text they make. */
    private String pages(ParsedDocument parsed, String id, List<Page> pages) throws ExtractionException {
        Ocr.Script script = script(parsed);
        StringBuilder text = new StringBuilder();
        for (ParsedPage p : parsed.pages()) {
            if (p.n() > 1) {
                text.append('\n');
            }
            String pageText;
            Double confidence = null;
            String words = null;
            if (p.needsOcr()) {
                OcrResult r = recognize(p, script);
                pageText = r.text().stripTrailing();
                confidence = r.confidence();
                words = writeWords(id, p, r, pageText.length());
            } else {
                pageText = LayoutText.clean(p.text());
            }
            int start = text.length();
            text.append(pageText);
            pages.add(new Page(
                    p.n(), p.label(), pageText, start, text.length(), confidence, p.image(), p.thumbnail(), words));
        }
        return text.toString();
    }

    private OcrResult recognize(ParsedPage p, Ocr.Script script) throws ExtractionException {
        if (ocr == null) {
            throw new ExtractionException("page " + p.n() + " has no text layer and OCR is not available");
        }
        BufferedImage image = new BufferedImage(p.ocrWidth(), p.ocrHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(p.ocrPixels(), 0, target, 0, Math.min(target.length, p.ocrPixels().length));
        try {
            return ocr.recognize(image, script);
        } catch (OcrException e) {
            throw new ExtractionException("OCR failed on page " + p.n() + ": " + e.getMessage());
        }
    }

    /** Writes the word boxes, scaled to the reading image, in the DocumentStore format; null without a store. */
    private String writeWords(String id, ParsedPage p, OcrResult r, int textLength) throws ExtractionException {
        if (store == null || id == null || p.image() == null) {
            return null;
        }
        double scale = (double) p.imageWidth() / Math.max(1, r.width());
        ObjectNode json = JSON.createObjectNode();
        json.put("width", p.imageWidth());
        json.put("height", p.imageHeight());
        ArrayNode words = json.putArray("words");
        for (OcrResult.Word w : r.words()) {
            if (w.start() < 0 || w.end() > textLength || w.start() >= w.end()) {
                continue;
            }
            words.addObject()
                    .put("text", w.text())
                    .put("x", (int) Math.round(w.x() * scale))
                    .put("y", (int) Math.round(w.y() * scale))
                    .put("w", Math.max(1, (int) Math.round(w.w() * scale)))
                    .put("h", Math.max(1, (int) Math.round(w.h() * scale)))
                    .put("start", w.start())
                    .put("end", w.end());
        }
        try {
            return store.writeWords(id, p.n(), JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new ExtractionException("cannot write OCR word boxes: " + e.getMessage());
        }
    }

    /** The script of the text layer the document has, which tells OCR which models to use. */
    private static Ocr.Script script(ParsedDocument parsed) {
        StringBuilder sample = new StringBuilder();
        for (ParsedPage p : parsed.pages()) {
            if (!p.needsOcr() && sample.length() < 5000) {
                sample.append(p.text());
            }
        }
        if (sample.isEmpty()) {
            return Ocr.Script.UNKNOWN;
        }
        String s = sample.toString();
        return ChineseScript.scriptOf(s, ChineseScript.toSimplified(s)).equals(ChineseScript.TRADITIONAL)
                ? Ocr.Script.TRADITIONAL
                : Ocr.Script.SIMPLIFIED;
    }

    /** The document's own title when it is a real one, else its first heading, else its first line. */
    static String title(Map<String, String> metadata, String text) {
        for (String candidate : new String[] {metadata.get("title"), metadata.get("heading")}) {
            if (candidate == null) {
                continue;
            }
            String t =
                    LayoutText.removeHanSpaces(TextLines.cleanLine(candidate.replaceFirst("^Microsoft Word - ", "")));
            if (!t.isEmpty() && !JUNK_TITLE.matcher(t).matches()) {
                return shorten(t);
            }
        }
        int nl = text.indexOf('\n');
        return shorten(nl < 0 ? text : text.substring(0, nl));
    }

    private static String shorten(String title) {
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title;
    }
}
