package org.wenshi.ingest.sample.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip packages (DOCX, OFD, EPUB) with the same bytes for the same content: entries in a fixed order
 * with one fixed time. Libraries stamp entries with the current time; this rewrites their output.
 * An entry named {@code mimetype} is stored uncompressed and first, as EPUB requires.
 */
final class DeterministicZip {
    private static final LocalDateTime FIXED = LocalDateTime.of(2020, 1, 1, 0, 0);

    private DeterministicZip() {}

    /** Rewrites the zip {@code bytes} deterministically into {@code file}. */
    static void rewrite(byte[] bytes, Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        write(entries, file);
    }

    /** Writes {@code entries} (in their order, {@code mimetype} first) into {@code file}. */
    static void write(Map<String, byte[]> entries, Path file) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            byte[] mimetype = entries.get("mimetype");
            if (mimetype != null) {
                ZipEntry e = entry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(mimetype);
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().equals("mimetype")) {
                    continue;
                }
                zip.putNextEntry(entry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        AtomicFile.write(file, buffer.toByteArray());
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED);
        return e;
    }
}
