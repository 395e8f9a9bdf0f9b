package org.wenshi.localdb;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.wenshi.localnode.ExternalCommand;
import org.wenshi.localnode.LocalNodeException;

/**
 * Backs a database up to one file and restores it: {@code pg_dump --format=custom} and {@code
 * pg_restore --clean --if-exists --single-transaction}.
 *
 * <p>Exists so that the data of the managed server (or of the one {@code WENSHI_DB_URL} names) can be
 * saved before an upgrade or moved to another machine. The backup is written next to its target and
 * renamed, so a failed run never leaves a truncated file under the name; a restore is one transaction:
 * all of it or none. Objects in the backup replace those of the same name; objects the backup does not
 * have are left alone. Ownership is not restored ({@code --no-owner}): everything belongs to the
 * restoring user, so a backup of the local server restores into a production one.
 */
public final class DatabaseBackup {

    private static final Logger LOG = System.getLogger(DatabaseBackup.class.getName());
    private static final Duration TIMEOUT = Duration.ofHours(6);

    private final DatabaseEndpoint endpoint;
    private final Map<String, String> environment;
    private final OptionalInt serverMajor;
    private final Optional<Path> installDir;

    private DatabaseBackup(
            DatabaseEndpoint endpoint,
            Map<String, String> environment,
            OptionalInt serverMajor,
            Optional<Path> installDir) {
        this.endpoint = endpoint;
        this.environment = Map.copyOf(environment);
        this.serverMajor = serverMajor;
        this.installDir = installDir;
    }

    /** Backups of {@code endpoint} (as {@link DatabaseEndpoint#resolve()} gives it). */
    public static DatabaseBackup of(DatabaseEndpoint endpoint) {
        return of(endpoint, System.getenv());
    }

    static DatabaseBackup of(DatabaseEndpoint endpoint, Map<String, String> environment) {
        if (!endpoint.managed()) {
            return new DatabaseBackup(endpoint, environment, OptionalInt.empty(), Optional.empty());
        }
        PostgresProperties properties = PostgresProperties.fromEnvironment(environment);
        Path install = new PostgresLayout(LocalPostgres.defaultHome(environment)).installDir(properties.version());
        return new DatabaseBackup(
                endpoint, environment, OptionalInt.of(properties.majorVersion()), Optional.of(install));
    }

    /**
     * Writes the whole database to {@code file} (custom format, compressed), replacing it.
     *
     * @return the file
     */
    public Path backup(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Path pgDump = tool("pg_dump");
        List<String> command = new ArrayList<>(List.of(
                pgDump.toString(),
                "--format=custom",
                "--no-password",
                "--file=" + partial,
                "--username=" + endpoint.user(),
                "--dbname=" + endpoint.libpqUrl()));
        long started = System.nanoTime();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial);
            run(command, "backup of " + endpoint.jdbcUrl() + " to " + target);
            try {
                // A backup holds all the data: only its owner reads it.
                Files.setPosixFilePermissions(partial, PasswordFile.OWNER_ONLY);
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system.
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + partial, e);
            }
        }
        LOG.log(
                Level.INFO,
                "backed up {0} to {1} in {2} ms",
                endpoint.jdbcUrl(),
                target,
                Long.toString((System.nanoTime() - started) / 1_000_000));
        return target;
    }

    /** Restores {@code file} (made by {@link #backup}) into the database, in one transaction. */
    public void restore(Path file) {
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new LocalDatabaseException("no backup file " + source);
        }
        Path pgRestore = tool("pg_restore");
        List<String> command = List.of(
                pgRestore.toString(),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--no-password",
                "--username=" + endpoint.user(),
                "--dbname=" + endpoint.libpqUrl(),
                source.toString());
        long started = System.nanoTime();
        run(command, "restore of " + source + " into " + endpoint.jdbcUrl());
        LOG.log(
                Level.INFO,
                "restored {0} into {1} in {2} ms",
                source,
                endpoint.jdbcUrl(),
                Long.toString((System.nanoTime() - started) / 1_000_000));
    }

    private Path tool(String name) {
        return PgClientTools.find(name, serverMajor, installDir, environment);
    }

    private void run(List<String> command, String what) {
        Map<String, String> env = new HashMap<>();
        if (endpoint.password() != null) {
            env.put("PGPASSWORD", endpoint.password());
        }
        env.put("PGCONNECT_TIMEOUT", "10");
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(command, env, TIMEOUT);
        } catch (LocalNodeException e) {
            throw new LocalDatabaseException(what + " failed: " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new LocalDatabaseException(
                    what + " failed (" + command.get(0) + " exit " + result.exitCode() + "):\n" + result.output());
        }
    }
}
