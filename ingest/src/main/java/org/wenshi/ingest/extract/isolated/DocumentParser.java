package org.wenshi.ingest.extract.isolated;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;
import org.wenshi.ingest.ocr.Greyscale;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Runs inside a {@link ParseWorker}: finds the real type of a document from its bytes (Tika's
 * detector; an OFD is a zip holding {@code OFD.xml}), then reads it with the library that knows it:
 * PDFBox for PDF, ofdrw for OFD (drawn by {@link OfdPageRenderer}) — text per page, page images
 * rendered into the store, and for pages without text the grey image to OCR (the page's own scan when
 * it is one image, else a rendering) — and Tika for DOC, DOCX, WPS and EPUB (its zip-bomb guard
 * included). It never cleans text and never runs OCR: the ingest process does both.
 */
final class DocumentParser {
    private static final String WARM_UP_TEXT = "文史资料预热";
    private static final String WARM_UP_ID = "00000000000000000000";

    /** A page with fewer visible characters than this and an image on it is treated as a scan. */
    private static final int SCAN_TEXT_CHARS = 20;
    /**
     * An image in an OFD whose header declares more pixels than this is not decoded (a 600 dpi scan
     * of an A3 page has 70 million): a decompression bomb must not exhaust the worker.
     */
    private static final long MAX_IMAGE_PIXELS = 100_000_000L;

    private static final double MM_PER_INCH = 25.4;

    private static final Set<String> WORD_BINARY =
            Set.of("application/msword", "application/x-tika-msoffice", "application/vnd.ms-works");
    private static final Set<String> DOCX = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/x-tika-ooxml");
    private static final Set<String> ENCRYPTED_OFFICE =
            Set.of("application/x-tika-ooxml-protected", "application/x-tika-msoffice-protected");

    /** Embedded files (an EPUB's navigation document, objects in a Word file) are not read: body text only. */
    private static final EmbeddedDocumentExtractor NO_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // Never called: shouldParseEmbedded is false.
        }
    };

    private final ParseLimits settings;
    private final TikaConfig tika;
    private final Detector detector;
    private final AutoDetectParser parser;

    DocumentParser(ParseLimits settings) {
        this.settings = settings;
        this.tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.parser = new AutoDetectParser(tika);
        OFDReader.setZipFileMaxSize(settings.maxUnpackedBytes());
    }

    /**
     * Does once, before the first document, what the first document would otherwise wait for: reads
     * a one-page Chinese PDF written here by the sample archive's writer (text in {@code STSong-Light},
     * not embedded, as in most Chinese office PDFs) as a document is read, its page image written to a
     * store in a temporary folder, removed afterwards. That runs Tika's detector and PDFBox's reading,
     * text and rendering code and the image writers once, and makes PDFBox find the system's fonts (on
     * a machine without its font cache it builds one, which takes seconds) and load the CJK font it
     * substitutes. Throws when the PDF does not read back, so a broken warm-up is seen.
     */
    void warmUp() throws ParseException, IOException {
        Path folder = Files.createTempDirectory("wenshi-warm-up-");
        try {
            Path file = folder.resolve("warm-up.pdf");
            FormatWriters.writePdf(file, WARM_UP_TEXT, List.of(WARM_UP_TEXT));
            ParsedDocument parsed = parse(
                    new ParseRequest("pdf", WARM_UP_ID, folder.resolve("store").toString(), Files.readAllBytes(file)));
            if (parsed.pages().size() != 1
                    || !parsed.pages().get(0).text().contains(WARM_UP_TEXT)
                    || parsed.pages().get(0).image() == null) {
                throw new ParseException("the warm-up PDF did not read back: " + parsed.pages());
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Reads one document; a {@link ParseException} says what is wrong with it. */
    ParsedDocument parse(ParseRequest request) throws ParseException {
        String type = detect(request.bytes());
        String format = formatFor(type, request);
        if (format == null) {
            return ParsedDocument.other(type);
        }
        return switch (format) {
            case "pdf" -> pdf(request, type);
            case "ofd" -> ofd(request, type);
            default -> tika(request, format, type);
        };
    }

    private String detect(byte[] bytes) throws ParseException {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new ParseException("unreadable: " + e.getMessage());
        }
    }

    /** The format to read {@code type} as, or null when another extractor handles it. */
    private String formatFor(String type, ParseRequest request) throws ParseException {
        String expected = request.expected();
        if (type.equals("application/pdf")) {
            return "pdf";
        }
        if (type.equals("application/epub+zip")) {
            return "epub";
        }
        if (DOCX.contains(type)) {
            return "docx";
        }
        if (WORD_BINARY.contains(type)) {
            return expected.equals("wps") ? "wps" : "doc";
        }
        if (ENCRYPTED_OFFICE.contains(type)) {
            throw new ParseException("encrypted");
        }
        if (type.equals("application/zip") && hasZipEntry(request.bytes(), "OFD.xml")) {
            return "ofd";
        }
        if (type.startsWith("text/") || type.startsWith("image/") || type.equals("application/xhtml+xml")) {
            return null;
        }
        throw new ParseException("not a " + expected + " file: looks like " + type);
    }

    private static boolean hasZipEntry(byte[] bytes, String name) {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .get()) {
            return zip.getEntry(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- PDF

    private ParsedDocument pdf(ParseRequest request, String type) throws ParseException {
        byte[] bytes = request.bytes();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                throw new ParseException("corrupt pdf: no pages");
            }
            if (count > settings.maxPages()) {
                throw new ParseException("too many pages: " + count + " (limit " + settings.maxPages() + ")");
            }
            String[] labels = labels(doc);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            PDFRenderer renderer = new PDFRenderer(doc);
            StoreWriter store = store(request);
            long chars = 0;
            List<ParsedDocument.ParsedPage> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(doc);
                chars += text.length();
                if (chars > settings.maxChars()) {
                    throw new ParseException("text longer than " + settings.maxChars() + " characters");
                }
                PDPage page = doc.getPage(i);
                boolean scan = visibleChars(text) < SCAN_TEXT_CHARS && hasImage(page.getResources(), 0);
                pages.add(
                        scan
                                ? pdfScannedPage(renderer, page, i, labels[i], text, store, request)
                                : pdfTextPage(renderer, page, i, labels[i], text, store, request));
            }
            return new ParsedDocument("pdf", type, pdfMetadata(doc.getDocumentInformation()), pages, null);
        } catch (InvalidPasswordException e) {
            throw new ParseException("encrypted");
        } catch (IOException e) {
            throw new ParseException(
                    (endsWithEof(bytes) ? "corrupt pdf: " : "truncated or corrupt pdf: ") + e.getMessage());
        }
    }

    private ParsedDocument.ParsedPage pdfTextPage(
            PDFRenderer renderer, PDPage page, int index, String label, String text, StoreWriter store, ParseRequest r)
            throws IOException {
        PDRectangle box = page.getCropBox();
        float scale = scaleFor(box, StoreWriter.READING_WIDTH, StoreWriter.READING_WIDTH * 3);
        return textPage(index + 1, label, text, store, r, () -> renderer.renderImage(index, scale, ImageType.RGB));
    }

    private ParsedDocument.ParsedPage pdfScannedPage(
            PDFRenderer renderer, PDPage page, int index, String label, String text, StoreWriter store, ParseRequest r)
            throws IOException {
        PDRectangle box = page.getCropBox();
        BufferedImage grey = embeddedScan(page, box);
        if (grey == null) {
            float scale =
                    Math.min(settings.ocrDpi() / 72f, scaleFor(box, settings.maxOcrPixels(), settings.maxOcrPixels()));
            grey = renderer.renderImage(index, scale, ImageType.GRAY);
        }
        return scannedPage(index + 1, label, text, grey, store, r);
    }

    /**
     * The page's own scan when the page is one image covering it (the usual scanned book page): its
     * pixels read better than a re-rendering, which resamples them (measured: 1.3 % character error
     * rate on the image against 6.5 % on a 300 dpi rendering of it). Null for any other page.
     */
    private BufferedImage embeddedScan(PDPage page, PDRectangle box) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return null;
        }
        PDImageXObject only = null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (!(x instanceof PDImageXObject img) || only != null) {
                return null;
            }
            only = img;
        }
        if (only == null || only.getWidth() > settings.maxOcrPixels() || only.getHeight() > settings.maxOcrPixels()) {
            return null;
        }
        double pageRatio = box.getWidth() / Math.max(1f, box.getHeight());
        double imageRatio = only.getWidth() / (double) Math.max(1, only.getHeight());
        if (Math.abs(pageRatio - imageRatio) > 0.05 * pageRatio) {
            return null;
        }
        return Greyscale.of(only.getImage());
    }

    /** The scale that fits the box within {@code maxWidth} × {@code maxHeight} pixels. */
    private static float scaleFor(PDRectangle box, int maxWidth, int maxHeight) {
        float w = Math.max(1, box.getWidth());
        float h = Math.max(1, box.getHeight());
        return Math.min(maxWidth / w, maxHeight / h);
    }

    private static String[] labels(PDDocument doc) {
        String[] labels = new String[doc.getNumberOfPages()];
        try {
            PDPageLabels pl = doc.getDocumentCatalog().getPageLabels();
            if (pl != null) {
                String[] found = pl.getLabelsByPageIndices();
                System.arraycopy(found, 0, labels, 0, Math.min(found.length, labels.length));
            }
        } catch (IOException | RuntimeException e) {
            // Broken page labels only lose the labels.
        }
        return labels;
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                return true;
            }
            if (x instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean endsWithEof(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static Map<String, String> pdfMetadata(PDDocumentInformation info) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "title", info.getTitle());
        put(m, "author", info.getAuthor());
        Calendar created = info.getCreationDate();
        if (created != null) {
            put(
                    m,
                    "created",
                    created.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return m;
    }

    // ---------------------------------------------------------------- OFD

    private ParsedDocument ofd(ParseRequest request, String type) throws ParseException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("wenshi-ofd-", ".ofd");
            Files.write(tmp, request.bytes());
            try (OFDReader reader = new OFDReader(tmp)) {
                int count = reader.getNumberOfPages();
                if (count == 0) {
                    throw new ParseException("corrupt ofd: no pages");
                }
                if (count > settings.maxPages()) {
                    throw new ParseException("too many pages: " + count + " (limit " + settings.maxPages() + ")");
                }
                ContentExtractor extractor = new ContentExtractor(reader);
                OfdPageRenderer renderer = new OfdPageRenderer(reader, MAX_IMAGE_PIXELS);
                StoreWriter store = store(request);
                List<ParsedDocument.ParsedPage> pages = new ArrayList<>(count);
                long chars = 0;
                for (int n = 1; n <= count; n++) {
                    String text = String.join("\n", extractor.getPageContent(n));
                    chars += text.length();
                    if (chars > settings.maxChars()) {
                        throw new ParseException("text longer than " + settings.maxChars() + " characters");
                    }
                    pages.add(ofdPage(reader, renderer, n, text, store, request));
                }
                Map<String, String> m = new LinkedHashMap<>();
                CT_DocInfo info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
                if (info != null) {
                    put(m, "title", info.getTile());
                    put(m, "author", info.getAuthor());
                    if (info.getCreationDate() != null) {
                        put(m, "created", info.getCreationDate().toString());
                    }
                }
                return new ParsedDocument("ofd", type, m, pages, null);
            }
        } catch (ParseException e) {
            throw e;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("max")
                    && message.toLowerCase(Locale.ROOT).contains("size")) {
                throw new ParseException(
                        "decompression bomb: unpacked ofd larger than " + settings.maxUnpackedBytes() + " bytes");
            }
            throw new ParseException("corrupt ofd: " + e.getClass().getSimpleName() + ": " + message);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    /**
     * One OFD page: a page without text (fewer than {@value #SCAN_TEXT_CHARS} visible characters) that
     * has images is a scan, read by OCR from its own image when one covers the page, else from a grey
     * rendering at the OCR resolution; any other page gets its rendering as page image. A page whose
     * description cannot be read keeps its text without an image.
     */
    private ParsedDocument.ParsedPage ofdPage(
            OFDReader reader, OfdPageRenderer renderer, int n, String text, StoreWriter store, ParseRequest r)
            throws IOException {
        PageInfo info;
        try {
            info = reader.getPageInfo(n);
        } catch (RuntimeException e) {
            info = null;
        }
        if (info == null) {
            return textPage(n, null, text, null, r, null);
        }
        PageInfo page = info;
        Rectangle2D mm = OfdPageRenderer.box(page);
        if (visibleChars(text) < SCAN_TEXT_CHARS && !renderer.images(page).isEmpty()) {
            BufferedImage grey = renderer.ownScan(page, settings.maxOcrPixels());
            if (grey == null) {
                double scale = Math.min(
                        settings.ocrDpi() / MM_PER_INCH,
                        settings.maxOcrPixels() / Math.max(mm.getWidth(), mm.getHeight()));
                grey = Greyscale.of(renderer.render(page, scale));
            }
            return scannedPage(n, null, text, grey, store, r);
        }
        double scale =
                Math.min(StoreWriter.READING_WIDTH / mm.getWidth(), StoreWriter.READING_WIDTH * 3 / mm.getHeight());
        return textPage(n, null, text, store, r, () -> renderer.render(page, scale));
    }

    // ---------------------------------------------------------------- Tika: DOC, DOCX, WPS, EPUB

    private ParsedDocument tika(ParseRequest request, String format, String type) throws ParseException {
        Metadata metadata = new Metadata();
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        context.set(OfficeParserConfig.class, office);
        context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
        BlockTextHandler handler = new BlockTextHandler(settings.maxChars());
        try (InputStream in = TikaInputStream.get(request.bytes())) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ParseException("encrypted");
        } catch (SAXException e) {
            if (handler.limitReached()) {
                throw new ParseException("text longer than " + settings.maxChars() + " characters");
            }
            throw new ParseException("corrupt " + format + ": " + e.getMessage());
        } catch (TikaException | IOException | RuntimeException e) {
            throw new ParseException(reason(format, e));
        }
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "title", metadata.get(TikaCoreProperties.TITLE));
        put(m, "author", metadata.get(TikaCoreProperties.CREATOR));
        String created = metadata.get(TikaCoreProperties.CREATED);
        if (created != null && created.length() >= 10) {
            put(m, "created", created.substring(0, 10));
        }
        put(m, "heading", handler.firstHeading());
        return new ParsedDocument(format, type, m, List.of(), handler.text());
    }

    /** The reason for a Tika failure, naming decompression bombs and encryption when it is one. */
    static String reason(String format, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("zip bomb") || lower.contains("compression ratio") || lower.contains("max. ratio")) {
                return "decompression bomb: " + firstLine(message);
            }
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException
                    || lower.contains("password")) {
                return "encrypted";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "corrupt " + format + ": " + root.getClass().getSimpleName() + ": "
                + firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    // ---------------------------------------------------------------- shared

    /** Renders a page image when one is wanted. */
    private interface PageImage {
        BufferedImage render() throws IOException;
    }

    /** A page with a text layer: its text, and its rendering in the store when there is a store. */
    private static ParsedDocument.ParsedPage textPage(
            int n, String label, String text, StoreWriter store, ParseRequest r, PageImage image) throws IOException {
        if (store == null) {
            return new ParsedDocument.ParsedPage(n, label, text, null, null, 0, 0, 0, 0, null);
        }
        StoreWriter.PageFiles files = store.writePage(r.documentId(), n, image.render());
        return new ParsedDocument.ParsedPage(
                n, label, text, files.image(), files.thumbnail(), files.width(), files.height(), 0, 0, null);
    }

    /** A page to OCR: the grey image OCR reads, also the page image in the store when there is a store. */
    private static ParsedDocument.ParsedPage scannedPage(
            int n, String label, String text, BufferedImage grey, StoreWriter store, ParseRequest r)
            throws IOException {
        String image = null;
        String thumb = null;
        int w = 0;
        int h = 0;
        if (store != null) {
            StoreWriter.PageFiles files = store.writePage(r.documentId(), n, grey);
            image = files.image();
            thumb = files.thumbnail();
            w = files.width();
            h = files.height();
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        return new ParsedDocument.ParsedPage(
                n, label, text, image, thumb, w, h, grey.getWidth(), grey.getHeight(), pixels);
    }

    private static StoreWriter store(ParseRequest r) {
        if (r.storeRoot() == null || r.documentId() == null) {
            return null;
        }
        return new StoreWriter(new DocumentStore(Path.of(r.storeRoot())));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }
}
