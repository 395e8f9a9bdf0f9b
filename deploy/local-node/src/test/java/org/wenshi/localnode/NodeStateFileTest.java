package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStateFileTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() {
        RunningNode node = new RunningNode(
                4242,
                URI.create("http://127.0.0.1:19400"),
                19400,
                19401,
                "wenshi-0123abcd",
                "8.19.21",
                dir.resolve("elasticsearch/dist-8.19.21-0123456789ab"));
        Path file = dir.resolve("node.properties");
        NodeStateFile.write(file, node);
        assertThat(NodeStateFile.read(file)).contains(node);
    }

    @Test
    void treatsAMissingFileAsNoNode() {
        assertThat(NodeStateFile.read(dir.resolve("node.properties"))).isEmpty();
    }

    @Test
    void treatsADamagedFileAsNoNode() throws IOException {
        Path file = Files.writeString(dir.resolve("node.properties"), "pid=12x\nurl=http://127.0.0.1:1\n");
        assertThat(NodeStateFile.read(file)).isEmpty();
        Files.writeString(file, "");
        assertThat(NodeStateFile.read(file)).isEmpty();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("node.properties");
        RunningNode node =
                new RunningNode(1, URI.create("http://127.0.0.1:19200"), 19200, 19201, "wenshi-x", "8.19.21", dir);
        NodeStateFile.write(file, node);
        NodeStateFile.write(file, node);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
