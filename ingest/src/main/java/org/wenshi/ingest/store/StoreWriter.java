package org.wenshi.ingest.store;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.wenshi.schema.DocumentStore;

/**
 * Writes a document's original and its page images into the store. Every file is written to a
 * temporary name and moved into place, so a crash (even {@code kill -9}) never leaves a half-written
 * file under a name the index refers to. It never decides what to keep; extractors call it.
 */
public final class StoreWriter {
    /** Longest side of a reading image, in pixels. */
    public static final int READING_WIDTH = 1200;
    /** Width of a thumbnail, in pixels. */
    public static final int THUMBNAIL_WIDTH = 200;

    private final DocumentStore store;

    public StoreWriter(DocumentStore store) {
        this.store = store;
    }

    public DocumentStore store() {
        return store;
    }

    /** The relative paths of one page's files. */
    public record PageFiles(String image, String thumbnail, int width, int height) {}

    /** Keeps the original bytes; returns the relative path. */
    public String keepOriginal(String id, String extension, byte[] bytes) throws IOException {
        String relative = DocumentStore.originalPath(id, extension);
        write(relative, out -> out.write(bytes));
        return relative;
    }

    /**
     * Writes page {@code n}'s reading image (scaled down to {@link #READING_WIDTH} wide at most) and
     * thumbnail as JPEG; returns their paths and the reading image's size (word boxes refer to it).
     */
    public PageFiles writePage(String id, int n, BufferedImage page) throws IOException {
        BufferedImage reading = scaled(page, READING_WIDTH);
        String image = DocumentStore.pageImagePath(id, n);
        String thumb = DocumentStore.thumbnailPath(id, n);
        write(image, out -> jpeg(reading, out, 0.85f));
        write(thumb, out -> jpeg(scaled(reading, THUMBNAIL_WIDTH), out, 0.8f));
        return new PageFiles(image, thumb, reading.getWidth(), reading.getHeight());
    }

    /** Writes page {@code n}'s word boxes (JSON in the {@link DocumentStore} format); returns the path. */
    public String writeWords(String id, int n, byte[] json) throws IOException {
        String relative = DocumentStore.wordsPath(id, n);
        write(relative, out -> out.write(json));
        return relative;
    }

    /** The factor by which {@link #writePage} scales an image of this width (1 when not scaled). */
    public static double readingScale(int width) {
        return width <= READING_WIDTH ? 1.0 : (double) READING_WIDTH / width;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String relative, Body body) throws IOException {
        Path target = store.resolve(relative).orElseThrow(() -> new IOException("outside the store: " + relative));
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Scales down to {@code maxWidth} by bilinear halving steps (fast, and smooth enough for text),
     * always returning an RGB image for JPEG.
     */
    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        BufferedImage current = image;
        int w = image.getWidth();
        do {
            int nextW = w > maxWidth ? Math.max(maxWidth, w / 2) : w;
            int nextH = Math.max(1, (int) Math.round(image.getHeight() * (double) nextW / image.getWidth()));
            BufferedImage next = new BufferedImage(nextW, nextH, BufferedImage.TYPE_INT_RGB);
            var g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, nextW, nextH, java.awt.Color.WHITE, null);
            } finally {
                g.dispose();
            }
            current = next;
            w = nextW;
        } while (w > maxWidth);
        return current;
    }

    private static void jpeg(BufferedImage image, OutputStream out, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
