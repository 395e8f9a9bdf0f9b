package org.wenshi.ingest.source;

import java.util.Optional;

/**
 * What a web server sent to validate a page later ({@code ETag}, {@code Last-Modified}), kept with the
 * document ({@code http_etag}, {@code http_last_modified}) and sent back on the next crawl as
 * {@code If-None-Match} and {@code If-Modified-Since}. Values are kept exactly as the server wrote
 * them; it never parses or compares them.
 *
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record HttpValidators(String etag, String lastModified) {

    /** The validators of a response, when it sent any. */
    public static Optional<HttpValidators> of(String etag, String lastModified) {
        String e = etag == null || etag.isBlank() ? null : etag.strip();
        String l = lastModified == null || lastModified.isBlank() ? null : lastModified.strip();
        return e == null && l == null ? Optional.empty() : Optional.of(new HttpValidators(e, l));
    }
}
