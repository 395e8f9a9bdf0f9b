package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class PostgresInstallerTest {

    @TempDir
    Path dir;

    @Test
    void unpacksOnceIntoTheVersionFolderAndRemovesOtherVersionsOnly() throws Exception {
        Path txz = txz(new TarExtractorTest.TarBuilder()
                .file("bin/initdb", 0755, "i")
                .file("bin/pg_ctl", 0755, "c")
                .file("bin/postgres", 0755, "p")
                .file("share/postgres.bki", 0644, "bki"));
        PostgresLayout layout = new PostgresLayout(dir.resolve("home"));
        PostgresInstaller installer =
                new PostgresInstaller(layout, new PostgresProperties("1.2.3", txz, Duration.ofSeconds(5)));
        assertThat(installer.isInstalled()).isFalse();

        Path installed = installer.ensureInstalled();
        assertThat(installed).isEqualTo(layout.dir().resolve("1.2.3"));
        assertThat(installed.resolve("share/postgres.bki")).hasContent("bki");
        assertThat(installer.isInstalled()).isTrue();

        Files.writeString(installed.resolve("share/postgres.bki"), "kept");
        assertThat(installer.ensureInstalled()).isEqualTo(installed);
        assertThat(installed.resolve("share/postgres.bki"))
                .as("no second unpack")
                .hasContent("kept");

        Files.createDirectories(layout.dir().resolve("1.0.0/bin"));
        Files.createDirectories(layout.dataDir());
        installer.removeOtherInstalls(installed);
        assertThat(layout.dir().resolve("1.0.0")).doesNotExist();
        assertThat(layout.dataDir()).isDirectory();
        assertThat(installed).isDirectory();
    }

    @Test
    void binariesWithoutTheServerAreRefusedAndLeaveNothing() throws Exception {
        Path txz = txz(new TarExtractorTest.TarBuilder().file("bin/initdb", 0755, "i"));
        PostgresLayout layout = new PostgresLayout(dir.resolve("home"));
        PostgresInstaller installer =
                new PostgresInstaller(layout, new PostgresProperties("1.2.3", txz, Duration.ofSeconds(5)));
        assertThatThrownBy(installer::ensureInstalled)
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("no bin/pg_ctl");
        try (var children = Files.list(layout.dir())) {
            assertThat(children.toList()).isEmpty();
        }
    }

    @Test
    void missingBinariesSayHowToGetThem() {
        PostgresLayout layout = new PostgresLayout(dir.resolve("home"));
        PostgresInstaller installer = new PostgresInstaller(
                layout,
                new PostgresProperties("1.2.3", dir.resolve("missing.jar"), Duration.ofSeconds(5)),
                new ClassLoader(null) {});
        assertThatThrownBy(installer::ensureInstalled)
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("mvn dependency:get")
                .hasMessageContaining("WENSHI_PG_BINARIES")
                .hasMessageContaining("WENSHI_DB_URL");
    }

    private Path txz(TarExtractorTest.TarBuilder tar) throws Exception {
        Path file = dir.resolve("postgres.txz");
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(file), new LZMA2Options(1))) {
            out.write(tar.finish());
        }
        return file;
    }
}
