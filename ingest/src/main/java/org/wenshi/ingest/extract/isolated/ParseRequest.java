package org.wenshi.ingest.extract.isolated;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One document sent to a worker.
 *
 * @param expected the format its name promised ({@code Format.fieldValue()}, e.g. {@code "pdf"})
 * @param documentId the document id, or null (then no page images are written)
 * @param storeRoot the absolute store folder page images go to, or null for none
 * @param bytes the whole file
 */
public record ParseRequest(String expected, String documentId, String storeRoot, byte[] bytes) {

    void write(DataOutputStream out) throws IOException {
        Wire.writeString(out, expected);
        Wire.writeString(out, documentId);
        Wire.writeString(out, storeRoot);
        Wire.writeBlob(out, bytes);
    }

    static ParseRequest read(DataInputStream in) throws IOException {
        return new ParseRequest(Wire.readString(in), Wire.readString(in), Wire.readString(in), Wire.readBlob(in));
    }
}
