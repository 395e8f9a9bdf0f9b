package org.wenshi.localdb;

import java.nio.file.Path;

/**
 * A server the launcher started: what {@code server.properties} records and what {@link
 * LocalPostgres#ensureRunning()} returns.
 *
 * <p>It describes; it must never be taken as proof that the server still runs.
 *
 * @param pid the postmaster
 * @param port its TCP port on 127.0.0.1
 * @param version the binaries version it runs, like {@code 14.22.0}
 * @param installDir the folder of those binaries
 */
public record RunningPostgres(long pid, int port, String version, Path installDir) {

    /** The major version, like 14. */
    public int majorVersion() {
        return PostgresProperties.major(version);
    }
}
