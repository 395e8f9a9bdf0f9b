package org.wenshi.ingest.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of the normalized text: NFKC (full-width forms folded) with every blank removed, so
 * the same content read from a GBK and a UTF-8 file, or wrapped differently, hashes the same. It is
 * the key of exact duplicate detection; it never folds traditional to simplified (a traditional
 * reprint is a different document).
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
