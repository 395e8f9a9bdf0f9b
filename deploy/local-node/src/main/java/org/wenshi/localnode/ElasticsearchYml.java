package org.wenshi.localnode;

/**
 * The {@code config/elasticsearch.yml} of a home's node.
 *
 * <p>Exists to keep every setting of the local node, and the reason for it, in one place. The node
 * is a loopback-only development and test node: it must never listen on anything but 127.0.0.1 (it
 * runs without security), never try to form a cluster with other nodes, and never turn indices
 * read-only because a developer's disk is nearly full.
 */
final class ElasticsearchYml {

    private ElasticsearchYml() {}

    static String render(NodeLayout layout, NodePorts ports) {
        return String.join(
                "\n",
                "# Written by wenshi-local-node on every start; edits are overwritten.",
                "cluster.name: " + quoted(layout.clusterName()),
                "node.name: " + quoted(NodeLayout.NODE_NAME),
                "path.data: " + quoted(layout.dataDir().toString()),
                "path.logs: " + quoted(layout.logsDir().toString()),
                "discovery.type: single-node",
                "# Loopback only: this node runs without security.",
                "network.host: 127.0.0.1",
                "http.port: " + ports.http(),
                "transport.port: " + ports.transport(),
                "xpack.security.enabled: false",
                "xpack.ml.enabled: false",
                "# A nearly full developer disk must not make indices read-only.",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "");
    }

    /** A YAML double-quoted scalar: paths may hold spaces, colons or '#'. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
