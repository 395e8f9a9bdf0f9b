/**
 * The managed local PostgreSQL: one server per {@code WENSHI_HOME}, unpacked from Maven Central,
 * initialized on first use, reused when running, never two, never as root, password-protected.
 *
 * <p>Programs call {@link org.wenshi.localdb.DatabaseEndpoint#resolve()} (JDBC and R2DBC URL, user,
 * password; {@code WENSHI_DB_URL} wins); a person uses {@link org.wenshi.localdb.LocalPostgresCommand}
 * ({@code java -jar wenshi-local-postgres.jar start|stop|status|backup FILE|restore FILE}). {@link
 * org.wenshi.localdb.LocalPostgres} runs the server, {@link org.wenshi.localdb.DatabaseBackup} saves
 * and restores the database. Who the server runs as and how short commands run are the local
 * Elasticsearch node's ({@code org.wenshi.localnode.ServerUser}, {@code ExternalCommand}).
 *
 * <p>At run time the package needs the JDK, XZ for Java and wenshi-local-node only; no JDBC driver.
 */
package org.wenshi.localdb;
