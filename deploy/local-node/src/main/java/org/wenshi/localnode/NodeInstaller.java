package org.wenshi.localnode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the Elasticsearch distribution and installs the project's analysis plugin into {@code
 * dist-<version>-<plugin hash12>/}, once per version and plugin build.
 *
 * <p>Exists because the minimal distribution has no Chinese analysis at all: the node is only usable
 * with the plugin this jar carries ({@value #PLUGIN_RESOURCE}). Keying the folder by the plugin's
 * hash makes a rebuilt plugin a new install, while the node's data (outside {@code dist-*}) stays. An
 * install is built in a hidden folder and renamed into place, so a crash never leaves a half install
 * under a valid name.
 *
 * <p>It must never touch {@code data/}, {@code logs/} or {@code config/}, and never remove a {@code
 * dist-*} folder while a node may run from it: callers stop the node first.
 */
final class NodeInstaller {

    static final String PLUGIN_RESOURCE = "wenshi-analysis-plugin.zip";

    private static final Logger LOG = System.getLogger(NodeInstaller.class.getName());
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private static volatile EmbeddedPlugin plugin;

    private final NodeLayout layout;
    private final LocalNodeProperties properties;

    NodeInstaller(NodeLayout layout, LocalNodeProperties properties) {
        this.layout = layout;
        this.properties = properties;
    }

    /** The analysis plugin zip inside this jar, with its hash. */
    record EmbeddedPlugin(byte[] zip, String hash12, String name) {}

    static EmbeddedPlugin embeddedPlugin() {
        EmbeddedPlugin loaded = plugin;
        if (loaded == null) {
            try (InputStream in = NodeInstaller.class.getResourceAsStream(PLUGIN_RESOURCE)) {
                if (in == null) {
                    throw new LocalNodeException(
                            "this build of wenshi-local-node carries no org/wenshi/localnode/" + PLUGIN_RESOURCE
                                    + "; build it with Maven (the analysis plugin module must be installed first)");
                }
                byte[] zip = in.readAllBytes();
                loaded = new EmbeddedPlugin(zip, NodeLayout.sha256Hex(zip).substring(0, 12), pluginName(zip));
                plugin = loaded;
            } catch (IOException e) {
                throw new LocalNodeException("cannot read the embedded analysis plugin: " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    /** The folder this version and plugin build are (or will be) installed in. */
    Path installDir() {
        return layout.installDir(
                properties.elasticsearchVersion(), embeddedPlugin().hash12());
    }

    /** Installs when needed; returns the install folder. */
    Path ensureInstalled() {
        Path target = installDir();
        if (!Files.isDirectory(target)) {
            install(target);
        }
        return target;
    }

    private void install(Path target) {
        Path zip = properties.requireDistribution();
        EmbeddedPlugin embedded = embeddedPlugin();
        Path partial = layout.nodeDir().resolve(".partial-" + target.getFileName() + "-" + UUID.randomUUID());
        Path pluginZip = layout.nodeDir()
                .resolve(".partial-" + PLUGIN_RESOURCE.replace(".zip", "-" + embedded.hash12() + ".zip"));
        long started = System.nanoTime();
        try {
            Files.createDirectories(layout.nodeDir());
            unzipWithoutTopFolder(zip, partial);
            long unzipped = System.nanoTime();
            Files.write(pluginZip, embedded.zip());
            List<String> command = List.of(
                    partial.resolve("bin/elasticsearch-plugin").toString(),
                    "install",
                    "--batch",
                    pluginZip.toUri().toString());
            ExternalCommand.Result result = ExternalCommand.run(
                    command,
                    Map.of(
                            "ES_JAVA_HOME", System.getProperty("java.home"),
                            // Scanning icu4j for named components needs more than the default CLI heap.
                            "CLI_JAVA_OPTS", "-Xmx1g",
                            "ES_PATH_CONF", partial.resolve("config").toString()),
                    PLUGIN_INSTALL_TIMEOUT);
            if (!result.ok()) {
                throw new LocalNodeException(
                        "installing the analysis plugin into Elasticsearch " + properties.elasticsearchVersion()
                                + " failed (exit " + result.exitCode() + "): " + String.join(" ", command) + "\n"
                                + result.output());
            }
            moveIntoPlace(partial, target);
            LOG.log(
                    Level.INFO,
                    "installed Elasticsearch {0} with analysis plugin {1} ({2}) in {3}: unzip {4} ms, plugin install {5} ms",
                    properties.elasticsearchVersion(),
                    embedded.name(),
                    embedded.hash12(),
                    target,
                    Long.toString((unzipped - started) / 1_000_000),
                    Long.toString((System.nanoTime() - unzipped) / 1_000_000));
        } catch (IOException e) {
            throw new LocalNodeException("cannot install Elasticsearch into " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(pluginZip);
        }
    }

    /** Unpacks {@code zip} (one top folder, {@code elasticsearch-<version>/}) into {@code target}, keeping Unix modes. */
    static void unzipWithoutTopFolder(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(zipFs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getNameCount() < 2) {
                    continue;
                }
                Path destination = root.resolve(
                                entry.subpath(1, entry.getNameCount()).toString())
                        .normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("zip entry escapes the install folder: " + entry);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entry, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(entry));
                } catch (UnsupportedOperationException e) {
                    // An entry without a Unix mode keeps the default one.
                }
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target);
        }
    }

    /**
     * Removes every {@code dist-*} folder of this home but {@code keep}, and leftovers of crashed
     * installs. Only call it when no node of this home runs.
     */
    void removeOtherInstalls(Path keep) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(layout.nodeDir())) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                boolean oldInstall = name.startsWith("dist-") && Files.isDirectory(child) && !child.equals(keep);
                // Left by an install that crashed; installs run under the launcher lock, so none is running.
                boolean leftover = name.startsWith(".partial-");
                if (oldInstall || leftover) {
                    deleteQuietly(child);
                    LOG.log(Level.INFO, "removed {0}, replaced by {1}", child, keep.getFileName());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list " + layout.nodeDir() + " to remove old installs", e);
        }
    }

    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
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

    /** The {@code name} of the plugin's descriptor, for logs and checks; "?" when it has none. */
    private static String pluginName(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith("plugin-descriptor.properties")) {
                    Properties descriptor = new Properties();
                    descriptor.load(in);
                    return descriptor.getProperty("name", "?");
                }
            }
        } catch (IOException e) {
            // Not a zip: elasticsearch-plugin will say so.
        }
        return "?";
    }
}
