package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wenshi.localnode.ExternalCommand;
import org.wenshi.localnode.ServerUser;

/**
 * A real PostgreSQL in its own home: first start (unpack, initdb, as wenshi-es when root), reuse by
 * another instance and another JVM, JDBC with the generated password, nothing without it, stop,
 * restart with the data kept, WENSHI_DB_URL winning over the local server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPostgresIT {

    private static Path home;
    private static Map<String, String> environment;
    private static LocalPostgres server;

    @BeforeAll
    static void newHome() throws Exception {
        home = ItHomes.newHome("local-postgres");
        environment = Map.of("WENSHI_HOME", home.toString());
        server = LocalPostgres.forHome(home, environment);
    }

    @AfterAll
    static void stopAndRemove() {
        try {
            server.stop();
            assertThat(server.status().state()).isEqualTo(PostgresStatus.State.STOPPED);
        } finally {
            ItHomes.delete(home);
        }
    }

    @Test
    @Order(1)
    void startsUnprivilegedIsReusedServesJdbcStopsAndKeepsItsData() throws Exception {
        assertThat(server.status().state()).isEqualTo(PostgresStatus.State.STOPPED);

        long t0 = System.nanoTime();
        RunningPostgres running = server.ensureRunning();
        System.out.printf(
                "[timing] first start (unpack + initdb + start): %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        assertThat(running.port()).isBetween(DatabasePort.FIRST, DatabasePort.FIRST + DatabasePort.COUNT - 1);
        assertThat(running.installDir()).isEqualTo(home.resolve("postgres").resolve(running.version()));
        assertThat(server.status().state()).isEqualTo(PostgresStatus.State.RUNNING);
        if (ServerUser.currentUid() == 0) {
            ExternalCommand.Result uid = ExternalCommand.run(List.of("id", "-u", ServerUser.SYSTEM_USER));
            assertThat(uid.ok()).isTrue();
            assertThat(uidOf(running.pid()))
                    .as("uid of the PostgreSQL started by root")
                    .isNotZero()
                    .isEqualTo(Long.parseLong(uid.output()));
        } else {
            assertThat(uidOf(running.pid())).isEqualTo(ServerUser.currentUid());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                .isEqualTo("rw-------");

        // Reuse: another instance in this JVM, and another JVM through the executable jar.
        assertThat(LocalPostgres.forHome(home, environment).ensureRunning().pid())
                .isEqualTo(running.pid());
        ItHomes.JarRun start = ItHomes.runJar(environment, "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("pid=" + running.pid()).contains("(already running)");
        ItHomes.JarRun status = ItHomes.runJar(environment, "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("running jdbc=jdbc:postgresql://127.0.0.1:" + running.port() + "/wenshi");

        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(environment);
        assertThat(endpoint.managed()).isTrue();
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + running.port() + "/wenshi");
        assertThat(endpoint.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + running.port() + "/wenshi");
        assertThat(endpoint.user()).isEqualTo("wenshi");
        assertThat(endpoint.password())
                .isEqualTo(Files.readString(server.passwordFile()).strip());
        try (Connection connection =
                        DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE volume (id int PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO volume VALUES (1, '文史资料选辑 第一辑'), (2, '第二辑')");
            try (ResultSet rows = statement.executeQuery("SELECT count(*), max(title), current_database(),"
                    + " current_setting('listen_addresses'), current_setting('server_encoding') FROM volume")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.getString(2)).isEqualTo("第二辑");
                assertThat(rows.getString(3)).isEqualTo("wenshi");
                assertThat(rows.getString(4)).isEqualTo("127.0.0.1");
                assertThat(rows.getString(5)).isEqualTo("UTF8");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(endpoint.jdbcUrl(), "wenshi", "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");

        // WENSHI_DB_URL wins: the same server reached as an outside one, nothing started.
        DatabaseEndpoint outside = DatabaseEndpoint.resolve(Map.of(
                "WENSHI_HOME", home.resolve("elsewhere").toString(),
                "WENSHI_DB_URL", endpoint.jdbcUrl(),
                "WENSHI_DB_USER", "wenshi",
                "WENSHI_DB_PASSWORD", endpoint.password()));
        assertThat(outside.managed()).isFalse();
        assertThat(home.resolve("elsewhere")).doesNotExist();
        try (Connection connection =
                DriverManager.getConnection(outside.jdbcUrl(), outside.user(), outside.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }

        // Stop: the process is gone, the port closed, the record removed.
        assertThat(server.stop()).isTrue();
        assertThat(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(LocalPostgres.speaksPostgres(running.port(), java.time.Duration.ofSeconds(1)))
                .isFalse();
        assertThat(home.resolve("postgres/server.properties")).doesNotExist();
        assertThat(server.status().state()).isEqualTo(PostgresStatus.State.STOPPED);
        assertThat(server.stop()).isFalse();

        // Start again: no new initdb, the data is still there.
        RunningPostgres again = server.ensureRunning();
        assertThat(again.pid()).isNotEqualTo(running.pid());
        DatabaseEndpoint after = DatabaseEndpoint.resolve(environment);
        try (Connection connection = DriverManager.getConnection(after.jdbcUrl(), after.user(), after.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT title FROM volume WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("文史资料选辑 第一辑");
        }

        // The executable jar stops it too.
        ItHomes.JarRun stop = ItHomes.runJar(environment, "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("stopped home=" + home);
        assertThat(server.status().state()).isEqualTo(PostgresStatus.State.STOPPED);
    }

    @Test
    @Order(2)
    void aLostPasswordFileGetsANewPasswordOnTheNextStart() throws Exception {
        server.ensureRunning();
        String before = server.password();
        Files.delete(server.passwordFile());
        RunningPostgres restarted = server.ensureRunning();
        String after = server.password();
        assertThat(after).isNotEqualTo(before);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + restarted.port() + "/wenshi", "wenshi", after)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + restarted.port() + "/wenshi", "wenshi", before))
                .isInstanceOf(SQLException.class);
        assertThat(server.stop()).isTrue();
    }

    private static long uidOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        throw new AssertionError("no Uid line for pid " + pid);
    }
}
