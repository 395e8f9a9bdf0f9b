package org.wenshi.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The bytes of one source and what its carrier said about them: a file on disk, a record of a web
 * archive or a page fetched by the crawler. Exists so that the pipeline reads every kind of source
 * the same way and enforces one size limit; it never interprets the bytes.
 */
public interface SourceContent {

    /** The bytes, refusing to read more than {@code maxBytes}. */
    byte[] read(long maxBytes) throws IOException;

    /** The size in bytes, as far as known before reading; -1 when unknown. */
    long size() throws IOException;

    /** When the source last changed (file time, HTTP Last-Modified or archive date); null when unknown. */
    Instant modified() throws IOException;

    /** The media type its carrier declared (HTTP Content-Type, with charset), if any. */
    default Optional<String> declaredType() {
        return Optional.empty();
    }

    /** The ETag and Last-Modified a web server sent with the content, if any (crawled pages). */
    default Optional<HttpValidators> validators() {
        return Optional.empty();
    }

    /** Thrown by {@link #read} when a source is larger than the limit. */
    final class TooLargeException extends IOException {
        public TooLargeException(long size, long limit) {
            super("too large: " + (size < 0 ? "more than " + limit : size) + " bytes (limit " + limit + ")");
        }
    }

    /** A file on disk. */
    static SourceContent ofFile(Path file) {
        return new SourceContent() {
            @Override
            public byte[] read(long maxBytes) throws IOException {
                long size = Files.size(file);
                if (size > maxBytes) {
                    throw new TooLargeException(size, maxBytes);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        throw new TooLargeException(-1, maxBytes);
                    }
                    return bytes;
                }
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public Instant modified() throws IOException {
                return Files.getLastModifiedTime(file).toInstant();
            }
        };
    }

    /** Bytes already in memory (a web archive record, a fetched page). */
    static SourceContent ofBytes(byte[] bytes, String declaredType, Instant modified) {
        return ofBytes(bytes, declaredType, modified, null);
    }

    /** A fetched page's bytes with the ETag and Last-Modified its server sent ({@code validators} may be null). */
    static SourceContent ofBytes(byte[] bytes, String declaredType, Instant modified, HttpValidators validators) {
        return new SourceContent() {
            @Override
            public byte[] read(long maxBytes) throws IOException {
                if (bytes.length > maxBytes) {
                    throw new TooLargeException(bytes.length, maxBytes);
                }
                return bytes;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public Instant modified() {
                return modified;
            }

            @Override
            public Optional<String> declaredType() {
                return Optional.ofNullable(declaredType);
            }

            @Override
            public Optional<HttpValidators> validators() {
                return Optional.ofNullable(validators);
            }
        };
    }

    /**
     * A source found but not readable (a page whose fetch failed, a payload over the size limit):
     * reading it throws {@code reason}, so the pipeline reports it failed with that reason.
     */
    static SourceContent failing(IOException reason, String declaredType) {
        return new SourceContent() {
            @Override
            public byte[] read(long maxBytes) throws IOException {
                throw reason;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public Instant modified() {
                return null;
            }

            @Override
            public Optional<String> declaredType() {
                return Optional.ofNullable(declaredType);
            }
        };
    }
}
