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
 * @param path the file as found (absolute, normalized); null for a web page or an archive record
 * @param url the canonical source: {@code path.toUri()} of the absolute normalized path for a file,
 *     the web address for a page (fetched or from a web archive)
 * @param extension the file-name extension without the dot, lower case, empty when there is none
 * @param format the format, empty when not supported
 * @param kind where it came from: the {@code source_kind} field
 */
public record Source(Path path, String url, String extension, Optional<Format> format, Kind kind) {

    /** Where a source came from. */
    public enum Kind {
        FILE("file"),
        WEB("web"),
        WARC("warc");

        private final String fieldValue;

        Kind(String fieldValue) {
            this.fieldValue = fieldValue;
        }

        /** The value of the {@code source_kind} field. */
        public String fieldValue() {
            return fieldValue;
        }
    }

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
        return new Source(absolute, absolute.toUri().toString(), extension, Format.forExtension(extension), Kind.FILE);
    }

    /**
     * A web document (fetched, or a web archive record): its format from the declared media type,
     * else from the extension in the address's path; never an image format ({@link Format#image()}).
     */
    public static Source ofWeb(String url, String mediaType, Kind kind) {
        String path = url.replaceFirst("[?#].*$", "").replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension =
                dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        Optional<Format> format = Optional.ofNullable(mediaType)
                .flatMap(Format::forMediaType)
                .or(() -> Format.forExtension(extension))
                .filter(f -> !f.image());
        return new Source(null, url, extension, format, kind);
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

    /**
     * True for a file named like a web archive ({@code .warc}, {@code .warc.gz}, any case): not a
     * document but a container of sources, its records ({@link WarcReader}), wherever it was found.
     */
    public boolean webArchive() {
        return kind == Kind.FILE
                && path != null
                && path.getFileName() != null
                && WarcReader.isWebArchive(path.getFileName().toString());
    }

    /** Why this source is not extracted, when its format is unsupported (never for a web archive). */
    public Optional<String> unsupportedReason() {
        if (format.isPresent() || webArchive()) {
            return Optional.empty();
        }
        return Optional.of(
                extension.isEmpty()
                        ? "unsupported format: no file-name extension (not yet supported)"
                        : "unsupported format: ." + extension + " (not yet supported)");
    }
}
