package org.wenshi.localnode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where everything of one home's node lives, under {@code $WENSHI_HOME/elasticsearch/}.
 *
 * <pre>
 * elasticsearch/
 *   dist-&lt;version&gt;-&lt;plugin hash12&gt;/   the unpacked distribution with the analysis plugin
 *   config/  data/  logs/  tmp/         the node's own, outside dist-*: they survive an upgrade
 *   node.properties                     what runs (pid, ports, url, cluster name, version)
 *   launcher.lock                       serializes launchers of all JVMs
 * </pre>
 *
 * <p>Exists so that every path and every name derived from the home is computed in one place. It must
 * never touch the file system: it only names things.
 */
record NodeLayout(Path home) {

    static final String NODE_NAME = "wenshi-local";

    NodeLayout {
        home = home.toAbsolutePath().normalize();
    }

    Path nodeDir() {
        return home.resolve("elasticsearch");
    }

    Path configDir() {
        return nodeDir().resolve("config");
    }

    Path dataDir() {
        return nodeDir().resolve("data");
    }

    Path logsDir() {
        return nodeDir().resolve("logs");
    }

    Path tmpDir() {
        return nodeDir().resolve("tmp");
    }

    /** The folders the server writes to, owned by the user it runs as. */
    List<Path> serverWritableDirs() {
        return List.of(configDir(), dataDir(), logsDir(), tmpDir());
    }

    Path stateFile() {
        return nodeDir().resolve("node.properties");
    }

    Path lockFile() {
        return nodeDir().resolve("launcher.lock");
    }

    /** Written by the server itself ({@code -p}), so it lives in a folder the server owns. */
    Path pidFile() {
        return logsDir().resolve("elasticsearch.pid");
    }

    /** Standard output and error of {@code bin/elasticsearch -d}. */
    Path cliOutput() {
        return logsDir().resolve("launcher-cli.log");
    }

    /** The server's main log: Elasticsearch names it after the cluster. */
    Path serverLog() {
        return logsDir().resolve(clusterName() + ".log");
    }

    Path installDir(String elasticsearchVersion, String pluginHash12) {
        return nodeDir().resolve("dist-" + elasticsearchVersion + "-" + pluginHash12);
    }

    /** {@code wenshi-<hash8>}: two homes on one machine never share a cluster name. */
    String clusterName() {
        return "wenshi-" + homeHash().substring(0, 8);
    }

    /** SHA-256 of the absolute home path, in hex. */
    String homeHash() {
        return sha256Hex(home.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
