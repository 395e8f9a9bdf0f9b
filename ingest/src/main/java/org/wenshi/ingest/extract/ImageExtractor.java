package org.wenshi.ingest.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.ocr.OcrException;
import org.wenshi.ingest.ocr.OcrResult;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.store.StoreWriter;

/**
 * Scanned pages that arrive as images: a multi-page TIFF (a scanned volume), PNG or JPEG. Each page
 * is read by OCR, its reading image, thumbnail and word boxes go to the store and its text becomes a
 * {@link Page}; the original is kept. The script is decided on the first page with enough text and
 * used for the rest; pages are read as many at once as the OCR engine runs, while at most that many
 * decoded pages are held in memory. It refuses (never tries to decode) an image of more than
 * {@link #MAX_PIXELS} pixels a page, reads very large pages subsampled, and never lets a bad image
 * fail anything but its own document.
 */
public final class ImageExtractor implements Extractor {
    /** The formats this extractor reads. */
    public static final List<Format> FORMATS = List.of(Format.TIFF, Format.PNG, Format.JPEG);

    /** Pages larger than this are refused (a decompression bomb, or not a scan). */
    static final long MAX_PIXELS = 400_000_000L;
    /** Pages larger than this are decoded subsampled (a 350 dpi A4 page has about 12 million pixels). */
    static final long OCR_PIXELS = 16_000_000L;
    /** Han characters a page must have before its script is trusted for the next pages. */
    private static final int HAN_FOR_SCRIPT = 50;

    private static final int TITLE_MAX = 60;
    private static final int HEAD_LINES = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreWriter store;
    private final Ocr ocr;

    /** @param store where originals, page images and word boxes go, or null to keep none */
    public ImageExtractor(StoreWriter store, Ocr ocr) {
        this.store = store;
        this.ocr = ocr;
    }

    /** What became of one page. */
    private record PageText(String text, double confidence, String image, String thumbnail, String words) {}

    @Override
    public Extraction extract(ExtractInput input) throws ExtractionException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty file (0 bytes)");
        }
        Optional<String> id = store == null ? Optional.empty() : input.documentId();
        String original = null;
        if (id.isPresent()) {
            try {
                original = store.keepOriginal(id.get(), input.source().extension(), bytes);
            } catch (IOException e) {
                throw new ExtractionException("cannot keep the original in the store: " + e.getMessage());
            }
        }
        List<PageText> pages = readPages(bytes, id.orElse(null));
        List<Page> result = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PageText p = pages.get(i);
            if (i > 0) {
                text.append('\n');
            }
            int start = text.length();
            text.append(p.text());
            result.add(new Page(
                    i + 1, null, p.text(), start, text.length(), p.confidence(), p.image(), p.thumbnail(), p.words()));
            p.text().lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        if (lines.isEmpty()) {
            throw new ExtractionException(
                    "no text found: OCR read nothing on " + pages.size() + (pages.size() == 1 ? " page" : " pages"));
        }
        Map<Metadata, String> metadata = LabelledLines.newMetadata();
        LabelledLines.read(lines.subList(0, Math.min(lines.size(), HEAD_LINES)), metadata);
        return new Extraction(
                title(lines, input), text.toString(), StandardCharsets.UTF_8, metadata, List.of(), result, original);
    }

    /** Decodes the pages one at a time and reads them, in parallel once the script is known. */
    private List<PageText> readPages(byte[] bytes, String id) throws ExtractionException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ExtractionException("not an image: unknown or unsupported image data");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int n = reader.getNumImages(true);
                if (n < 1) {
                    throw new ExtractionException("corrupt image: no page in it can be read");
                }
                return readPages(reader, n, id);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("corrupt image: cannot decode it ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private List<PageText> readPages(ImageReader reader, int n, String id) throws IOException, ExtractionException {
        List<Future<PageText>> futures = new ArrayList<>();
        Ocr.Script script = Ocr.Script.UNKNOWN;
        int parallel = Math.max(1, ocr.concurrency());
        Semaphore inFlight = new Semaphore(parallel);
        ExecutorService pool = null;
        try {
            for (int i = 0; i < n; i++) {
                int pageNumber = i + 1;
                if (script == Ocr.Script.UNKNOWN) {
                    BufferedImage image = decode(reader, i);
                    OcrResult r = recognize(image, script, pageNumber);
                    futures.add(CompletableFuture.completedFuture(store(id, pageNumber, image, r)));
                    if (hanCount(r.text()) >= HAN_FOR_SCRIPT) {
                        script = r.script();
                    }
                    continue;
                }
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(Math.min(parallel, n - i), r -> {
                        Thread t = new Thread(r, "wenshi-ocr-page");
                        t.setDaemon(true);
                        return t;
                    });
                }
                inFlight.acquireUninterruptibly();
                BufferedImage image;
                try {
                    image = decode(reader, i);
                } catch (IOException | RuntimeException | ExtractionException e) {
                    inFlight.release();
                    throw e;
                }
                Ocr.Script known = script;
                futures.add(pool.submit(() -> {
                    try {
                        return store(id, pageNumber, image, recognize(image, known, pageNumber));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<PageText> pages = new ArrayList<>();
            for (Future<PageText> f : futures) {
                pages.add(f.get());
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("interrupted while reading the pages");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException x) {
                throw x;
            }
            throw new ExtractionException("page failed: " + e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Page {@code i}, subsampled when it is very large; refused when it is absurdly large. */
    private static BufferedImage decode(ImageReader reader, int i) throws IOException, ExtractionException {
        long w = reader.getWidth(i);
        long h = reader.getHeight(i);
        if (w * h > MAX_PIXELS) {
            throw new ExtractionException(
                    "image too large: page " + (i + 1) + " is " + w + "×" + h + " pixels (at most " + MAX_PIXELS + ")");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (w * h > OCR_PIXELS) {
            int step = (int) Math.ceil(Math.sqrt((double) (w * h) / OCR_PIXELS));
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(i, param);
    }

    private OcrResult recognize(BufferedImage image, Ocr.Script script, int page) throws ExtractionException {
        try {
            return ocr.recognize(image, script);
        } catch (OcrException e) {
            throw new ExtractionException("OCR failed on page " + page + ": " + e.getMessage());
        }
    }

    /** Writes the page's images and word boxes (when the document has an id) and returns its text. */
    private PageText store(String id, int n, BufferedImage image, OcrResult r) throws ExtractionException {
        if (id == null) {
            return new PageText(r.text(), r.confidence(), null, null, null);
        }
        try {
            StoreWriter.PageFiles files = store.writePage(id, n, image);
            String words = store.writeWords(id, n, wordsJson(r, StoreWriter.readingScale(image.getWidth()), files));
            return new PageText(r.text(), r.confidence(), files.image(), files.thumbnail(), words);
        } catch (IOException e) {
            throw new ExtractionException("cannot store page " + n + " in the store: " + e.getMessage());
        }
    }

    /** The word boxes in the {@code DocumentStore} format, scaled to the reading image. */
    static byte[] wordsJson(OcrResult r, double scale, StoreWriter.PageFiles files) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("width", files.width());
        root.put("height", files.height());
        ArrayNode words = root.putArray("words");
        for (OcrResult.Word w : r.words()) {
            ObjectNode o = words.addObject();
            o.put("text", w.text());
            o.put("x", (int) Math.round(w.x() * scale));
            o.put("y", (int) Math.round(w.y() * scale));
            o.put("w", Math.max(1, (int) Math.round(w.w() * scale)));
            o.put("h", Math.max(1, (int) Math.round(w.h() * scale)));
            o.put("start", w.start());
            o.put("end", w.end());
        }
        return JSON.writeValueAsBytes(root);
    }

    /** The first line that reads like words (not a page number or a smudge), else the file name. */
    private static String title(List<String> lines, ExtractInput input) {
        for (String line : lines) {
            String l = line.strip();
            long letters = l.codePoints().filter(Character::isLetter).count();
            if (letters >= 4 && letters * 10 >= l.codePointCount(0, l.length()) * 6) {
                return l.length() > TITLE_MAX ? l.substring(0, TITLE_MAX) : l;
            }
        }
        return fileName(input);
    }

    private static String fileName(ExtractInput input) {
        if (input.source() == null) {
            return "image";
        }
        String url = input.source().url();
        String name = url.substring(url.lastIndexOf('/') + 1);
        name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.isBlank() ? "image" : name;
    }

    private static int hanCount(String text) {
        return (int) text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
    }
}
