package org.wenshi.ingest.extract;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.ocr.OcrResult;

/**
 * A test double for {@link Ocr} in unit tests only (never in an IT): answers a fixed text with one
 * box per character, and records the images and scripts it was given.
 */
final class FixedOcr implements Ocr {
    private final String text;
    final List<BufferedImage> images = new CopyOnWriteArrayList<>();
    final List<Script> scripts = new CopyOnWriteArrayList<>();

    FixedOcr(String text) {
        this.text = text;
    }

    @Override
    public OcrResult recognize(BufferedImage page, Script script) {
        images.add(page);
        scripts.add(script);
        List<OcrResult.Word> words = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            words.add(new OcrResult.Word(text.substring(i, i + 1), 100 + 50 * i, 200, 48, 50, i, i + 1, 91.0));
        }
        return new OcrResult(text, 91.0, page.getWidth(), page.getHeight(), words);
    }
}
