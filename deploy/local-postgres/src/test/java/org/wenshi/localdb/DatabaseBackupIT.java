package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Back up a table, lose it, restore it: through the API and through the executable jar. */
class DatabaseBackupIT {

    private static Path home;
    private static Map<String, String> environment;
    private static LocalPostgres server;
    private static DatabaseEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        home = ItHomes.newHome("backup");
        environment = Map.of("WENSHI_HOME", home.toString());
        server = LocalPostgres.forHome(home, environment);
        endpoint = DatabaseEndpoint.resolve(environment);
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
    void backupDropRestoreBringsTheRowsBack() throws Exception {
        sql(
                "CREATE TABLE article (id int PRIMARY KEY, title text NOT NULL, body text)",
                "INSERT INTO article SELECT g, '第' || g || '篇', repeat('文史', g) FROM generate_series(1, 500) g",
                "CREATE INDEX article_title ON article (title)");
        Path file = home.resolve("backups/wenshi.dump");

        DatabaseBackup backup = DatabaseBackup.of(endpoint, environment);
        assertThat(backup.backup(file)).isEqualTo(file);
        assertThat(file).isRegularFile();
        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .as("pg_dump's custom format")
                .isEqualTo("PGDMP");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(file.resolveSibling("wenshi.dump.partial")).doesNotExist();

        sql("DROP TABLE article", "CREATE TABLE scratch (x int)");
        assertThat(tables()).containsExactly("scratch");

        backup.restore(file);
        assertThat(tables()).containsExactlyInAnyOrder("article", "scratch");
        assertThat(query("SELECT count(*) || ' ' || max(id) || ' ' || (SELECT title FROM article WHERE id = 42)"
                        + " FROM article"))
                .isEqualTo("500 500 第42篇");
        assertThat(query("SELECT count(*) FROM pg_indexes WHERE indexname = 'article_title'"))
                .isEqualTo("1");

        // Restoring over existing rows replaces them (--clean), it does not add to them.
        sql("UPDATE article SET title = 'changed' WHERE id = 1", "INSERT INTO article VALUES (501, 'new', '')");
        backup.restore(file);
        assertThat(query("SELECT count(*) || ' ' || (SELECT title FROM article WHERE id = 1) FROM article"))
                .isEqualTo("500 第1篇");
    }

    @Test
    void theExecutableJarBacksUpAndRestores() throws Exception {
        sql("CREATE TABLE note (id int, text text)", "INSERT INTO note VALUES (1, '凡例')");
        Path file = home.resolve("jar.dump");

        ItHomes.JarRun backup = ItHomes.runJar(environment, "backup", file.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("backed up jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/wenshi");
        assertThat(file).isRegularFile();

        sql("DROP TABLE note");
        ItHomes.JarRun restore = ItHomes.runJar(environment, "restore", file.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(query("SELECT text FROM note WHERE id = 1")).isEqualTo("凡例");

        ItHomes.JarRun missing = ItHomes.runJar(
                environment, "restore", home.resolve("nothing.dump").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("no backup file");
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN"
                                + " ('article', 'scratch') ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }
}
