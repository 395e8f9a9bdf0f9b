package org.wenshi.localdb.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.wenshi.localdb.DatabaseEndpoint;
import org.wenshi.localdb.LocalPostgres;
import org.wenshi.localdb.RunningPostgres;
import org.wenshi.localnode.testing.SharedTestServer;
import org.wenshi.localnode.testing.TestNode;

/**
 * The PostgreSQL of a test run: a real server, managed like the one of development, under the same
 * home as the test Elasticsearch node ({@link TestNode#home()}, {@code <repo>/target/test-home}),
 * shared by all test JVMs of a build and stopped by the last one (see {@link SharedTestServer}).
 *
 * <p>{@link #create(String)} gives each test class a database of its own, so that classes never see
 * each other's accounts or compilations; {@link #endpoint()} is the server's own database.
 */
public final class TestDatabase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final SharedTestServer<DatabaseEndpoint> SERVER = new SharedTestServer<>(
            "test database",
            () -> LocalPostgres.forHome(home()).directory(),
            TestDatabase::start,
            () -> LocalPostgres.forHome(home()).stop());

    private TestDatabase() {}

    /** The tests' home: the one of the test node. */
    public static Path home() {
        return TestNode.home();
    }

    /** The server's own database ({@code wenshi}), the server started on first use. */
    public static DatabaseEndpoint endpoint() {
        return SERVER.get();
    }

    /**
     * A new, empty database on the test server, named after {@code prefix}, a number and this JVM's
     * process id (so that JVMs side by side never clash).
     */
    public static DatabaseEndpoint create(String prefix) {
        DatabaseEndpoint server = endpoint();
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                        + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet())
                .replaceAll("_+", "_");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseEndpoint(
                server.host(), server.port(), name, "", server.user(), server.password(), server.managed());
    }

    /** Gives up this JVM's use of the server; the last JVM stops it. */
    public static void release() {
        SERVER.release();
    }

    private static DatabaseEndpoint start() {
        LocalPostgres local = LocalPostgres.forHome(home());
        RunningPostgres server = local.ensureRunning();
        return new DatabaseEndpoint(
                "127.0.0.1", server.port(), local.database(), "", local.user(), local.password(), true);
    }
}
