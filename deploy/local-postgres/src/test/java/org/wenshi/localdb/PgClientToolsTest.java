package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgClientToolsTest {

    @TempDir
    Path dir;

    @Test
    void majorVersionOfTheToolsOutput() {
        assertThat(PgClientTools.parseMajor("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"))
                .hasValue(15);
        assertThat(PgClientTools.parseMajor("pg_restore (PostgreSQL) 18.1")).hasValue(18);
        assertThat(PgClientTools.parseMajor("something else")).isEmpty();
    }

    @Test
    void theBinFolderVariableIsUsedWhenItsToolIsNewEnough() throws Exception {
        Path tool = fakeTool("pg_dump", "99.1");
        assertThat(PgClientTools.find(
                        "pg_dump", OptionalInt.of(14), Optional.empty(), Map.of("WENSHI_PG_BIN", dir.toString())))
                .isEqualTo(tool);
    }

    @Test
    void aToolOlderThanTheServerIsNeverChosen() throws Exception {
        fakeTool("pg_fake_tool", "9.6");
        assertThatThrownBy(() -> PgClientTools.find(
                        "pg_fake_tool", OptionalInt.of(14), Optional.empty(), Map.of("WENSHI_PG_BIN", dir.toString())))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("no pg_fake_tool 14 or newer")
                .hasMessageContaining("apt-get install postgresql-client");
    }

    private Path fakeTool(String name, String version) throws Exception {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\necho '" + name + " (PostgreSQL) " + version + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }
}
