package org.wenshi.localdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where everything of one home's PostgreSQL lives, under {@code $WENSHI_HOME/postgres/}.
 *
 * <pre>
 * postgres/
 *   &lt;version&gt;/          the unpacked binaries (bin/ lib/ share/), e.g. 14.22.0
 *   data/               the cluster (initdb): the user's data, never deleted
 *   logs/postgres.log   the server's log
 *   tmp/                short-lived files the server user reads (initdb's password file)
 *   password            the generated password of the user wenshi, mode 0600
 *   server.properties   what runs (pid, port, version)
 *   launcher.lock       serializes launchers of all JVMs
 * </pre>
 *
 * <p>It only names things; it must never touch the file system.
 */
record PostgresLayout(Path home) {

    /** The database user and the database the launcher creates. */
    static final String USER = "wenshi";

    static final String DATABASE = "wenshi";

    PostgresLayout {
        home = home.toAbsolutePath().normalize();
    }

    Path dir() {
        return home.resolve("postgres");
    }

    Path installDir(String version) {
        return dir().resolve(version);
    }

    Path dataDir() {
        return dir().resolve("data");
    }

    Path logsDir() {
        return dir().resolve("logs");
    }

    Path serverLog() {
        return logsDir().resolve("postgres.log");
    }

    Path tmpDir() {
        return dir().resolve("tmp");
    }

    Path passwordFile() {
        return dir().resolve("password");
    }

    Path stateFile() {
        return dir().resolve("server.properties");
    }

    Path lockFile() {
        return dir().resolve("launcher.lock");
    }

    /** Written by the server itself: pid, data folder, start time, port, ... */
    Path postmasterPid() {
        return dataDir().resolve("postmaster.pid");
    }

    /** SHA-256 of the absolute home path, in hex. */
    String homeHash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(home.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
