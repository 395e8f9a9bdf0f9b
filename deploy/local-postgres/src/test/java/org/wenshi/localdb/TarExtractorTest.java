package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractorTest {

    @TempDir
    Path target;

    @Test
    void unpacksFilesFoldersModesLinksAndLongNames() throws IOException {
        String longName = "share/" + "x".repeat(120) + "/deep.txt";
        TarBuilder tar = new TarBuilder()
                .directory("bin/", 0755)
                .file("bin/postgres", 0755, "#!/bin/sh\n")
                .file("lib/libpq.so.5.14", 0644, "library")
                .symlink("lib/libpq.so.5", "libpq.so.5.14")
                .gnuLongName(longName)
                .file("placeholder-replaced-by-long-name", 0644, "deep")
                .hardLink("lib/copy", "lib/libpq.so.5.14");
        int entries = TarExtractor.extract(new ByteArrayInputStream(tar.finish()), target);

        assertThat(entries).isEqualTo(6);
        assertThat(target.resolve("bin/postgres")).hasContent("#!/bin/sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin/postgres"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("lib/libpq.so.5.14"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.isSymbolicLink(target.resolve("lib/libpq.so.5"))).isTrue();
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so.5"))).isEqualTo(Path.of("libpq.so.5.14"));
        assertThat(target.resolve(longName)).hasContent("deep");
        assertThat(target.resolve("lib/copy")).hasContent("library");
    }

    @Test
    void refusesEntriesOutsideTheTarget() {
        byte[] climbing = new TarBuilder().file("../evil", 0644, "x").finish();
        assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(climbing), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("leaves the archive");
        byte[] absolute = new TarBuilder().file("/etc/evil", 0644, "x").finish();
        assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(absolute), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a relative path");
        byte[] link = new TarBuilder().symlink("lib/out", "../../etc/passwd").finish();
        assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(link), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("leaves the archive");
        assertThat(target.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void refusesWhatIsNoTar() {
        byte[] noise = "this is not a tar archive".repeat(40).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(noise), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    /** Writes GNU-style tar archives for the tests. */
    static final class TarBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        TarBuilder directory(String name, int mode) {
            header(name, mode, 0, '5', "");
            return this;
        }

        TarBuilder file(String name, int mode, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            header(name, mode, bytes.length, '0', "");
            data(bytes);
            return this;
        }

        TarBuilder symlink(String name, String target) {
            header(name, 0777, 0, '2', target);
            return this;
        }

        TarBuilder hardLink(String name, String target) {
            header(name, 0644, 0, '1', target);
            return this;
        }

        TarBuilder gnuLongName(String name) {
            byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
            header("././@LongLink", 0644, bytes.length, 'L', "");
            data(bytes);
            return this;
        }

        byte[] finish() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        private void data(byte[] bytes) {
            out.writeBytes(bytes);
            int rest = bytes.length % 512;
            if (rest != 0) {
                out.writeBytes(new byte[512 - rest]);
            }
        }

        private void header(String name, int mode, long size, char type, String link) {
            byte[] h = new byte[512];
            put(h, 0, 100, name);
            put(h, 100, 8, String.format("%07o", mode));
            put(h, 108, 8, "0000000");
            put(h, 116, 8, "0000000");
            put(h, 124, 12, String.format("%011o", size));
            put(h, 136, 12, "00000000000");
            h[156] = (byte) type;
            put(h, 157, 100, link);
            put(h, 257, 8, "ustar  ");
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, 8, String.format("%06o", sum));
            h[154] = 0;
            h[155] = ' ';
            out.writeBytes(h);
        }

        private static void put(byte[] header, int offset, int length, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
        }
    }
}
