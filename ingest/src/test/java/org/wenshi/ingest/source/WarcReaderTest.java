package org.wenshi.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcReaderTest {

    private static Path archiveOfThreePages(Path warc) throws Exception {
        try (WarcWriter writer = new WarcWriter(
                FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            for (int i = 1; i <= 3; i++) {
                byte[] body = ("<html><title>第" + i + "篇</title><p>政协文史资料第" + i + "篇。</p></html>")
                        .getBytes(StandardCharsets.UTF_8);
                writer.write(new WarcResponse.Builder(URI.create("http://www.example.cn/ws/" + i + ".html"))
                        .body(new HttpResponse.Builder(200, "OK")
                                .body(MediaType.parse("text/html; charset=utf-8"), body)
                                .build())
                        .build());
            }
        }
        return warc;
    }

    @Test
    void reportsEachPageOfTheArchiveInOrder(@TempDir Path dir) throws Exception {
        Path warc = archiveOfThreePages(dir.resolve("pages.warc.gz"));
        List<Found> found = new ArrayList<>();
        new WarcReader(1 << 20).read(warc, found::add);

        assertThat(found)
                .extracting(f -> f.source().url())
                .containsExactly(
                        "http://www.example.cn/ws/1.html",
                        "http://www.example.cn/ws/2.html",
                        "http://www.example.cn/ws/3.html");
        assertThat(found).allMatch(f -> f.skipReason().isEmpty() && f.source().kind() == Source.Kind.WARC);
        assertThat(new String(found.get(1).content().read(1 << 20), StandardCharsets.UTF_8))
                .contains("政协文史资料第2篇");
    }

    @Test
    void anArchiveCutShortIsReportedUnreadableAfterTheRecordsItHad(@TempDir Path dir) throws Exception {
        Path whole = archiveOfThreePages(dir.resolve("whole.warc.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.warc.gz"), Arrays.copyOf(bytes, bytes.length - 40));
        List<Found> found = new ArrayList<>();
        new WarcReader(1 << 20).read(cut, found::add);

        Found last = found.get(found.size() - 1);
        assertThat(last.source().url()).isEqualTo(cut.toUri().toString());
        assertThat(last.skipReason())
                .hasValueSatisfying(r -> assertThat(r).startsWith("web archive unreadable after "));
        assertThat(found.subList(0, found.size() - 1)).allMatch(f -> f.source().kind() == Source.Kind.WARC);
    }

    @Test
    void whatTheSinkThrowsReachesTheCallerAndIsNotTakenForABrokenArchive(@TempDir Path dir) throws Exception {
        Path warc = archiveOfThreePages(dir.resolve("pages.warc.gz"));
        List<Found> found = new ArrayList<>();
        assertThatThrownBy(() -> new WarcReader(1 << 20).read(warc, f -> {
                    found.add(f);
                    if (found.size() == 2) {
                        throw new IllegalStateException("Elasticsearch went away");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Elasticsearch went away");
        assertThat(found).hasSize(2).noneMatch(f -> f.skipReason().isPresent());
    }
}
