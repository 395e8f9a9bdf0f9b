package org.wenshi.ingest.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The document formats this build can extract, known by file-name extension. It exists so that one
 * place decides what is supported; it must never look at file contents (the extractors do that).
 */
public enum Format {
    TIFF("tiff", "image/tiff", List.of("tif", "tiff")),
    PNG("png", "image/png", List.of("png")),
    JPEG("jpeg", "image/jpeg", List.of("jpg", "jpeg")),
    TXT("txt", "text/plain", List.of("txt", "text")),
    HTML("html", "text/html", List.of("html", "htm")),
    PDF("pdf", "application/pdf", List.of("pdf")),
    DOC("doc", "application/msword", List.of("doc")),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    /** Kingsoft WPS Writer (a Word-binary container); media type as in freedesktop.org shared-mime-info. */
    WPS("wps", "application/wps-office.wps", List.of("wps")),
    /** China's fixed-layout e-document format, GB/T 33190. */
    OFD("ofd", "application/ofd", List.of("ofd")),
    EPUB("epub", "application/epub+zip", List.of("epub"));

    private final String fieldValue;
    private final String mediaType;
    private final List<String> extensions;

    Format(String fieldValue, String mediaType, List<String> extensions) {
        this.fieldValue = fieldValue;
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /**
     * True for the image formats: a scanned page when it is a file, but on the web a logo or a photo,
     * so web sources never take them as documents.
     */
    public boolean image() {
        return this == TIFF || this == PNG || this == JPEG;
    }

    /** The value of the {@code format} field. */
    public String fieldValue() {
        return fieldValue;
    }

    /** The value of the {@code media_type} field. */
    public String mediaType() {
        return mediaType;
    }

    /** The format for a declared media type such as {@code text/html; charset=gbk}, in any case. */
    public static Optional<Format> forMediaType(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT).replaceFirst(";.*$", "").trim();
        if (m.equals("application/xhtml+xml")) {
            return Optional.of(HTML);
        }
        for (Format f : values()) {
            if (f.mediaType.equals(m)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format for an extension without the dot, in any case. */
    public static Optional<Format> forExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.extensions.contains(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
