/**
 * The managed local Elasticsearch node: one node per {@code WENSHI_HOME}, started when needed, reused
 * when running, never two, never as root.
 *
 * <p>Ingest and portal only call {@link org.wenshi.localnode.ElasticsearchEndpoint#resolve()}; a
 * person uses {@link org.wenshi.localnode.LocalNodeCommand} ({@code java -jar wenshi-local-node.jar
 * start|stop|status}). Everything else here is how {@link org.wenshi.localnode.LocalNode} does it:
 * {@link org.wenshi.localnode.NodeInstaller} unpacks the distribution and installs the analysis plugin,
 * {@link org.wenshi.localnode.ServerUser} decides who the server runs as, {@link
 * org.wenshi.localnode.NodePorts} picks its ports, {@link org.wenshi.localnode.NodeStateFile} records
 * what runs.
 *
 * <p>The package depends on the JDK only: the Elasticsearch client would make every consumer carry it
 * even when it talks to a remote cluster, and a health check is one HTTP GET.
 */
package org.wenshi.localnode;
