package org.wenshi.ingest.sample.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes rendered pages as the files scanned archives come in: a multi-page TIFF, PNG or JPEG per
 * page, or a PDF whose pages are only images (no text layer, like the output of a book scanner).
 * Resolution is recorded in each file. Output bytes depend only on the pages, never on the time or
 * the machine, so sample archives and fixtures do not change between runs.
 */
public final class ScanFiles {
    private static final double MM_PER_INCH = 25.4;
    /** A fixed PDF document id: PDFBox would otherwise derive one from the clock. */
    private static final long PDF_ID = 0x57656E736869L;

    private ScanFiles() {}

    /** All pages in one TIFF (Deflate-compressed gray). */
    public static void writeTiff(List<BufferedImage> pages, int dpi, Path file) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages to write");
        }
        ImageWriter writer = writer("tiff");
        try (OutputStream out = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, withDpi(writer, page, param, dpi)), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** One page as PNG. */
    public static void writePng(BufferedImage page, int dpi, Path file) throws IOException {
        write(page, dpi, "png", null, file);
    }

    /** One page as JPEG of the given quality (0..1). */
    public static void writeJpeg(BufferedImage page, int dpi, float quality, Path file) throws IOException {
        write(page, dpi, "jpeg", quality, file);
    }

    /** All pages as a PDF of images only, each page the size of its image at {@code dpi}. */
    public static void writeImagePdf(List<BufferedImage> pages, int dpi, Path file) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages to write");
        }
        try (PDDocument pdf = new PDDocument()) {
            for (BufferedImage image : pages) {
                float w = (float) (image.getWidth() * 72.0 / dpi);
                float h = (float) (image.getHeight() * 72.0 / dpi);
                PDPage page = new PDPage(new PDRectangle(w, h));
                pdf.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, displayed(image));
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 0, 0, w, h);
                }
            }
            pdf.setDocumentId(PDF_ID);
            pdf.save(file.toFile());
        }
    }

    /**
     * A grey page as RGB whose values are its grey samples. LosslessFactory stores a grey image's
     * sRGB rendering, which Java computes as if the samples were linear light: the stored page came
     * out lighter than the TIFF or PNG of the same page (and OCR read it at 3 % instead of 1.2 %
     * character error rate). A scanner's PDF holds the samples it scanned; so does this one.
     */
    private static BufferedImage displayed(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = raster.getSample(x, y, 0);
                rgb.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return rgb;
    }

    private static void write(BufferedImage page, int dpi, String format, Float quality, Path file) throws IOException {
        ImageWriter writer = writer(format);
        try (OutputStream out = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(page, null, withDpi(writer, page, param, dpi)), param);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer(String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no " + format + " image writer");
        }
        return writers.next();
    }

    /** The writer's default metadata for {@code page} with its resolution set (standard metadata tree). */
    private static IIOMetadata withDpi(ImageWriter writer, BufferedImage page, ImageWriteParam param, int dpi)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
        if (metadata == null || !metadata.isStandardMetadataFormatSupported() || metadata.isReadOnly()) {
            return metadata;
        }
        String mmPerPixel = Double.toString(MM_PER_INCH / dpi);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", mmPerPixel);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", mmPerPixel);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        try {
            metadata.mergeTree("javax_imageio_1.0", root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException(
                    "cannot record " + dpi + " dpi in the "
                            + writer.getOriginatingProvider().getFormatNames()[0] + " file",
                    e);
        }
        return metadata;
    }
}
