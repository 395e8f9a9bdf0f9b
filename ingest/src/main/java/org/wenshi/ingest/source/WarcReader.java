package org.wenshi.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Reads a web archive ({@code .warc}, {@code .warc.gz}), given as SOURCE or found in a folder, record
 * by record, and reports each captured page as a source of kind {@code warc} with the record's own
 * web address: an HTTP {@code response} record with status 200 and a supported content type becomes
 * a source with its payload (transfer and content encodings removed) and the record's date. A
 * response with another status, an unsupported content type or a {@code revisit} record (its payload
 * is stored elsewhere) is reported skipped with the reason; {@code request}, {@code metadata},
 * {@code warcinfo} and other records do not describe documents and are not sources at all.
 *
 * <p>It streams: memory holds one record's payload at a time, whatever the size of the archive, and
 * never more than the size limit of one record (a larger payload is reported too large without
 * being read). It never writes to the archive.
 */
public final class WarcReader {
    private final long maxRecordBytes;

    /** @param maxRecordBytes the largest payload read into memory; larger ones are reported too large */
    public WarcReader(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** True when {@code name} names a web archive ({@code .warc} or {@code .warc.gz}, any case). */
    public static boolean isWebArchive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    /**
     * Reports the sources in {@code archive} to {@code sink}, in the archive's order. An archive that
     * cannot be read (to the end) is reported skipped with the reason; what {@code sink} throws is
     * its own and goes to the caller (it is never taken for a broken archive).
     */
    public void read(Path archive, Consumer<Found> sink) {
        int records = 0;
        try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(archive)) {
            while (true) {
                Found found;
                try {
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) {
                        return;
                    }
                    records++;
                    found = source(next.get());
                } catch (IOException | RuntimeException e) {
                    sink.accept(unreadable(archive, records, e));
                    return;
                }
                if (found != null) {
                    sink.accept(found);
                }
            }
        } catch (IOException e) { // opening (or closing) the archive
            sink.accept(unreadable(archive, records, e));
        }
    }

    /** The source a record describes; null for records that describe no document. */
    private Found source(WarcRecord record) throws IOException {
        if (record instanceof WarcResponse response) {
            return response(response);
        }
        if (record instanceof WarcRevisit revisit) {
            return Found.skip(
                    Source.ofWeb(revisit.target(), null, Source.Kind.WARC),
                    "web archive revisit record: the payload is not stored in this record");
        }
        return null;
    }

    private static Found unreadable(Path archive, int records, Exception e) {
        return Found.skip(
                Source.ofFile(archive),
                "web archive unreadable after " + records + " records: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private Found response(WarcResponse response) throws IOException {
        String target = response.target();
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | RuntimeException e) {
            return Found.skip(
                    Source.ofWeb(target, null, Source.Kind.WARC),
                    "web archive record without a readable HTTP response: " + e.getMessage());
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        Source source = Source.ofWeb(target, contentType, Source.Kind.WARC);
        if (http.status() != 200) {
            return Found.skip(source, "web archive record: HTTP " + http.status() + " " + http.reason());
        }
        if (source.format().isEmpty()) {
            return Found.skip(
                    source,
                    "unsupported media type: "
                            + (contentType == null
                                    ? "none declared"
                                    : MediaType.parseLeniently(contentType).base()));
        }
        Instant date = response.date();
        try (InputStream in = http.bodyDecoded().stream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes + 1));
            if (bytes.length > maxRecordBytes) {
                return Found.extract(
                        source,
                        SourceContent.failing(new SourceContent.TooLargeException(-1, maxRecordBytes), contentType));
            }
            return Found.extract(source, SourceContent.ofBytes(bytes, contentType, date));
        }
    }
}
