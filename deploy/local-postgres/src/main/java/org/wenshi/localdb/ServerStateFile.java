package org.wenshi.localdb;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@code $WENSHI_HOME/postgres/server.properties}, the record of the running server
 * (pid, port, version, install folder); no secret.
 *
 * <p>Exists so that every JVM finds the same server. Writes are atomic; a damaged file reads as "no
 * record", never as an exception.
 */
final class ServerStateFile {

    private ServerStateFile() {}

    static void write(Path file, RunningPostgres server) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(server.pid()));
        properties.setProperty("port", Integer.toString(server.port()));
        properties.setProperty("version", server.version());
        properties.setProperty("install.dir", server.installDir().toString());
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "The managed PostgreSQL of this home. Written by wenshi-local-postgres.");
            Path temporary = Files.createTempFile(file.getParent(), "server", ".properties.tmp");
            try {
                // Readable by all, like any record of a local service: it holds no secret.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its default is fine.
            }
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<RunningPostgres> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new RunningPostgres(
                    Long.parseLong(required(properties, "pid")),
                    Integer.parseInt(required(properties, "port")),
                    required(properties, "version"),
                    Path.of(required(properties, "install.dir"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot delete " + file + ": " + e.getMessage(), e);
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
