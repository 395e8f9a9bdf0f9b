package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void generatedPasswordsAreLongUrlSafeAndDifferent() {
        String a = PasswordFile.generate();
        String b = PasswordFile.generate();
        assertThat(a).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void writtenOwnerOnlyAndReadBack() throws Exception {
        Path file = dir.resolve("sub/password");
        assertThat(PasswordFile.read(file)).isEmpty();
        PasswordFile.write(file, "abc");
        assertThat(PasswordFile.read(file)).contains("abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        PasswordFile.write(file, "def");
        assertThat(PasswordFile.read(file)).contains("def");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).containsExactly(file);
        }
    }
}
