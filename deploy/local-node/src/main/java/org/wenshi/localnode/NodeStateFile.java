package org.wenshi.localnode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@code $WENSHI_HOME/elasticsearch/node.properties}, the record of the running node.
 *
 * <p>Exists so that every JVM (ingest, portal, tests, the command line) finds the same node. A
 * properties file rather than JSON keeps the module on the JDK alone, and stays readable by shell
 * scripts ({@code grep ^url=}). Writes are atomic (temporary file, then rename), so a reader never sees
 * half a record. It must never throw on a damaged file: an unreadable record means "no record", and
 * the launcher then starts cleanly.
 */
final class NodeStateFile {

    private NodeStateFile() {}

    static void write(Path file, RunningNode node) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(node.pid()));
        properties.setProperty("url", node.url().toString());
        properties.setProperty("http.port", Integer.toString(node.httpPort()));
        properties.setProperty("transport.port", Integer.toString(node.transportPort()));
        properties.setProperty("cluster.name", node.clusterName());
        properties.setProperty("elasticsearch.version", node.elasticsearchVersion());
        properties.setProperty("install.dir", node.installDir().toString());
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "The managed Elasticsearch node of this home. Written by wenshi-local-node.");
            Path temporary = Files.createTempFile(file.getParent(), "node", ".properties.tmp");
            try {
                // Readable by all, like any record of a local service: it holds no secret.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its default is fine.
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(text.toString());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalNodeException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<RunningNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new RunningNode(
                    Long.parseLong(required(properties, "pid")),
                    URI.create(required(properties, "url")),
                    Integer.parseInt(required(properties, "http.port")),
                    Integer.parseInt(required(properties, "transport.port")),
                    required(properties, "cluster.name"),
                    required(properties, "elasticsearch.version"),
                    Path.of(required(properties, "install.dir"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LocalNodeException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value.trim();
    }
}
