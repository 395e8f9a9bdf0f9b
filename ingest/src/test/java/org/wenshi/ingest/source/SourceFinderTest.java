package org.wenshi.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {

    @Test
    void walksFoldersInNameOrderAndReportsUnsupportedFormats(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "乙");
        Files.createDirectories(dir.resolve("a/sub"));
        Files.writeString(dir.resolve("a/sub/page.HTML"), "<p>甲</p>");
        Files.writeString(dir.resolve("a/note.text"), "丙");
        Files.writeString(dir.resolve("c.xyz"), "?");
        Files.writeString(dir.resolve("README"), "?");
        List<Found> found = new ArrayList<>();
        new SourceFinder().find(List.of(dir), found::add);

        assertThat(found)
                .extracting(f -> dir.relativize(f.source().path()).toString().replace('\\', '/'))
                .containsExactly("README", "a/note.text", "a/sub/page.HTML", "b.txt", "c.xyz");
        assertThat(found.get(0).skipReason())
                .contains("unsupported format: no file-name extension (not yet supported)");
        assertThat(found.get(2).source().format()).contains(Format.HTML);
        assertThat(found.get(3).skipReason()).isEmpty();
        assertThat(found.get(4).skipReason()).contains("unsupported format: .xyz (not yet supported)");
    }

    @Test
    void webArchivesInAFolderAreReportedToBeReadNotSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/crawl.warc.gz"), "?");
        Files.writeString(dir.resolve("web/OLD.WARC"), "?");
        Files.writeString(dir.resolve("web/logs.gz"), "?");
        Files.createDirectories(dir.resolve("named.warc"));
        Files.writeString(dir.resolve("named.warc/a.txt"), "甲");
        List<Found> found = new ArrayList<>();
        new SourceFinder().find(List.of(dir), found::add);

        assertThat(found)
                .extracting(f -> dir.relativize(f.source().path()).toString().replace('\\', '/'))
                .containsExactly("named.warc/a.txt", "web/OLD.WARC", "web/crawl.warc.gz", "web/logs.gz");
        assertThat(found).extracting(f -> f.source().webArchive()).containsExactly(false, true, true, false);
        assertThat(found.get(1).skipReason()).isEmpty();
        assertThat(found.get(2).skipReason()).isEmpty();
        assertThat(found.get(3).skipReason()).contains("unsupported format: .gz (not yet supported)");
    }

    @Test
    void walksAFolderOnceWhenItOrSomethingInsideIsGivenAgain(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("vol1"));
        Files.writeString(dir.resolve("vol1/a.txt"), "甲");
        Files.writeString(dir.resolve("b.txt"), "乙");
        List<Found> found = new ArrayList<>();
        new SourceFinder().find(List.of(dir, dir.resolve("vol1"), dir.resolve("b.txt"), dir), found::add);

        assertThat(found)
                .extracting(f -> dir.relativize(f.source().path()).toString().replace('\\', '/'))
                .containsExactly("b.txt", "vol1/a.txt");
    }

    @Test
    void neverFollowsLinksOutOfTheFolder(@TempDir Path tmp) throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "外部");
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(root.resolve("inside.txt"), "内部");
        Files.createSymbolicLink(root.resolve("link-dir"), outside);
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "x");

        List<Found> found = new ArrayList<>();
        new SourceFinder().find(List.of(root), found::add);
        assertThat(found)
                .extracting(f -> f.source().path().getFileName().toString())
                .containsExactly(".git", "inside.txt", "link-dir", "link.txt");
        assertThat(found)
                .filteredOn(f -> f.source().path().getFileName().toString().startsWith("link"))
                .allMatch(f -> f.skipReason().orElse("").equals("symbolic link not followed"));
        assertThat(found.get(0).skipReason()).contains("hidden folder not searched");
        assertThat(found).noneMatch(f -> f.source().path().toString().contains("secret"));
    }

    @Test
    void urlAndIdFollowTheContract(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "甲");
        Source s = Source.ofFile(dir.resolve("x/../a.txt"));
        assertThat(s.url())
                .isEqualTo(file.toAbsolutePath().normalize().toUri().toString())
                .startsWith("file:///");
        assertThat(s.documentId())
                .hasSize(20)
                .matches("[0-9a-f]{20}")
                .isEqualTo(Source.ofFile(file).documentId());
    }
}
