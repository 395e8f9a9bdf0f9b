package org.wenshi.ingest.sample.scan;

import java.awt.image.BufferedImage;

/**
 * One rendered page and the text printed on it.
 *
 * @param n page number from 1
 * @param image the page, 8-bit gray
 * @param text what is printed on the page, one printed line (or column) per {@code "\n"} line, without
 *     the indentation; the gold text for measuring OCR
 */
public record ScannedPage(int n, BufferedImage image, String text) {}
