package org.wenshi.ingest.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Turns a page image into 8-bit grey from its sRGB values (Rec. 601 luma, transparency over white),
 * so OCR reads the grey levels a viewer shows. Exists because drawing a colour image into a grey one
 * with Java2D converts through linear light instead (a PDF's DeviceGray scan comes out of PDFBox as
 * RGB). It never rescales.
 */
public final class Greyscale {
    private Greyscale() {}

    /** {@code image} itself when it is already 8-bit grey, else a grey copy. */
    public static BufferedImage of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int luma = (((argb >> 16) & 0xff) * 299 + ((argb >> 8) & 0xff) * 587 + (argb & 0xff) * 114) / 1000;
                out.setSample(x, y, 0, (luma * a + 255 * (255 - a)) / 255);
            }
        }
        return grey;
    }
}
