package org.wenshi.ingest.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One source found: a path with its canonical {@code url} and, when supported, its format. It
 * exists so that every later stage (and the run report) names a document the same way, and so that
 * the document id is derived from one place. It never reads the file's contents.
 *
 * @param path the file as found (absolute, normalized)
 * @param url the canonical source: {@code path.toUri()} of the absolute normalized path
 * @param extension the file-name extension without the dot, lower case, empty when there is none
 * @param format the format, empty when the extension is not supported
 */
public record Source(Path path, String url, String extension, Optional<Format> format) {

    /** Number of hex characters of SHA-256(url) that make a document id. */
    public static final int ID_LENGTH = 20;

    /** The source for a file path; the path need not exist. */
    public static Source ofFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name =
                absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension =
                dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return new Source(absolute, absolute.toUri().toString(), extension, Format.forExtension(extension));
    }

    /** A web address given as a source (not fetched yet: crawling comes with a later issue). */
    public static Source ofUrl(String url) {
        return new Source(null, url, "", Optional.empty());
    }

    /** The stable document id: the first {@value #ID_LENGTH} hex characters of SHA-256 of {@link #url()}. */
    public String documentId() {
        return idForUrl(url);
    }

    /** The document id that a source with this {@code url} gets. */
    public static String idForUrl(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Why this source is not extracted, when its format is unsupported. */
    public Optional<String> unsupportedReason() {
        if (format.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                extension.isEmpty()
                        ? "unsupported format: no file-name extension (not yet supported)"
                        : "unsupported format: ." + extension + " (not yet supported)");
    }
}
