package org.wenshi.localnode;

import java.net.URI;
import java.nio.file.Path;

/**
 * A node the launcher started: what {@code node.properties} records and what {@link
 * LocalNode#ensureRunning()} returns.
 *
 * <p>Exists so that a caller gets everything it may need (the URL above all) as one value, and so
 * that another JVM can find and check the node. It describes; it must never be taken as proof that
 * the node still runs: only a health answer is.
 *
 * @param pid the server process (not the {@code bin/elasticsearch} wrapper)
 * @param url {@code http://127.0.0.1:<httpPort>}
 * @param httpPort the REST port
 * @param transportPort the node-to-node port (unused by a single node, but fixed so it never collides)
 * @param clusterName {@code wenshi-<hash8 of the home>}, checked on reuse
 * @param elasticsearchVersion the version of the distribution it runs
 * @param installDir the {@code dist-*} folder it runs from
 */
public record RunningNode(
        long pid,
        URI url,
        int httpPort,
        int transportPort,
        String clusterName,
        String elasticsearchVersion,
        Path installDir) {}
