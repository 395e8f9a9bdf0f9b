package org.wenshi.ingest.extract.isolated;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a worker read from one document, before cleaning: raw text per page (or for the whole
 * document when it has no pages), the document's own metadata, and for each page the image files it
 * wrote and, for a page without a text layer, the grey image to OCR.
 *
 * @param format the format it was parsed as ({@code Format.fieldValue()}); null when the bytes are of
 *     a type another extractor handles (see {@link #detectedType})
 * @param detectedType the media type found from the bytes
 * @param metadata {@code title}, {@code author}, {@code created} (ISO date), {@code heading} (the first
 *     heading of the body), when present
 * @param pages the pages of a paged format, else empty
 * @param text the raw text of a document without pages, lines separated by {@code "\n"}; null when paged
 */
public record ParsedDocument(
        String format, String detectedType, Map<String, String> metadata, List<ParsedPage> pages, String text) {

    public ParsedDocument {
        metadata = Map.copyOf(metadata);
        pages = List.copyOf(pages);
    }

    /** The bytes are of {@code detectedType}, which the worker does not parse. */
    static ParsedDocument other(String detectedType) {
        return new ParsedDocument(null, detectedType, Map.of(), List.of(), null);
    }

    /**
     * One page.
     *
     * @param n page number from 1
     * @param label the printed page label, or null
     * @param text raw text of the text layer (may be empty)
     * @param image reading image path relative to the store, or null
     * @param thumbnail thumbnail path, or null
     * @param imageWidth width of the reading image (word boxes refer to it); 0 when none
     * @param imageHeight its height
     * @param ocrWidth width of {@link #ocrPixels}, 0 when the page has a text layer
     * @param ocrHeight height of {@link #ocrPixels}
     * @param ocrPixels 8-bit grey pixels, row by row, of the page rendered for OCR; null when the page
     *     has a text layer
     */
    public record ParsedPage(
            int n,
            String label,
            String text,
            String image,
            String thumbnail,
            int imageWidth,
            int imageHeight,
            int ocrWidth,
            int ocrHeight,
            byte[] ocrPixels) {

        /** True when the page has no text layer and must be read by OCR. */
        public boolean needsOcr() {
            return ocrPixels != null;
        }
    }

    void write(DataOutputStream out) throws IOException {
        Wire.writeString(out, format);
        Wire.writeString(out, detectedType);
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Wire.writeString(out, e.getKey());
            Wire.writeString(out, e.getValue());
        }
        out.writeInt(pages.size());
        for (ParsedPage p : pages) {
            out.writeInt(p.n());
            Wire.writeString(out, p.label());
            Wire.writeString(out, p.text());
            Wire.writeString(out, p.image());
            Wire.writeString(out, p.thumbnail());
            out.writeInt(p.imageWidth());
            out.writeInt(p.imageHeight());
            out.writeInt(p.ocrWidth());
            out.writeInt(p.ocrHeight());
            Wire.writeBlob(out, p.ocrPixels());
        }
        Wire.writeString(out, text);
    }

    static ParsedDocument read(DataInputStream in) throws IOException {
        String format = Wire.readString(in);
        String detected = Wire.readString(in);
        int m = in.readInt();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            metadata.put(Wire.readString(in), Wire.readString(in));
        }
        int n = in.readInt();
        List<ParsedPage> pages = new ArrayList<>(Math.min(n, 10_000));
        for (int i = 0; i < n; i++) {
            pages.add(new ParsedPage(
                    in.readInt(),
                    Wire.readString(in),
                    Wire.readString(in),
                    Wire.readString(in),
                    Wire.readString(in),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    Wire.readBlob(in)));
        }
        return new ParsedDocument(format, detected, metadata, pages, Wire.readString(in));
    }
}
