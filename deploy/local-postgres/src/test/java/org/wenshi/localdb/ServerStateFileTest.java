package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStateFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        Path file = dir.resolve("server.properties");
        RunningPostgres server = new RunningPostgres(4242, 15432, "14.22.0", dir.resolve("14.22.0"));
        ServerStateFile.write(file, server);
        assertThat(ServerStateFile.read(file)).contains(server);
        ServerStateFile.delete(file);
        assertThat(ServerStateFile.read(file)).isEmpty();
    }

    @Test
    void aDamagedRecordIsNoRecord() throws Exception {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "pid=abc\nport=\n");
        assertThat(ServerStateFile.read(file)).isEmpty();
    }

    @Test
    void majorVersion() {
        assertThat(new RunningPostgres(1, 2, "14.22.0", dir).majorVersion()).isEqualTo(14);
    }
}
