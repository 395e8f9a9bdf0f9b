package org.wenshi.ingest.sample;

/**
 * One generated sample document: where it goes inside the archive's docs folder and its bytes.
 *
 * @param relativePath path below the docs folder, with '/' separators
 * @param title its title (in the characters it is written in)
 * @param bytes the file's content
 * @param plan what it was made from
 */
public record SampleDocument(String relativePath, String title, byte[] bytes, SamplePlan plan) {

    /** True for a scanned page image or image-only PDF: its text comes from OCR. */
    public boolean scanned() {
        return SampleFormats.isScan(relativePath);
    }
}
