package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseEndpointTest {

    @TempDir
    Path home;

    @Test
    void jdbcUrlWithUserAndPasswordVariables() {
        DatabaseEndpoint endpoint =
                DatabaseEndpoint.parse("jdbc:postgresql://db.example:6543/archive?sslmode=require", "app", "s3cret");
        assertThat(endpoint.host()).isEqualTo("db.example");
        assertThat(endpoint.port()).isEqualTo(6543);
        assertThat(endpoint.database()).isEqualTo("archive");
        assertThat(endpoint.user()).isEqualTo("app");
        assertThat(endpoint.password()).isEqualTo("s3cret");
        assertThat(endpoint.managed()).isFalse();
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/archive?sslmode=require");
        assertThat(endpoint.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example:6543/archive?sslmode=require");
        assertThat(endpoint.libpqUrl()).isEqualTo("postgresql://db.example:6543/archive?sslmode=require");
    }

    @Test
    void libpqUrlWithUserInfoAndDefaultPort() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.parse("postgresql://me:p%40ss@localhost/wenshi", null, null);
        assertThat(endpoint.port()).isEqualTo(5432);
        assertThat(endpoint.user()).isEqualTo("me");
        assertThat(endpoint.password()).isEqualTo("p@ss");
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/wenshi");
    }

    @Test
    void variablesWinOverTheUrlsUserInfo() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.parse("r2dbc:postgresql://me:old@h:1/d", "other", "new");
        assertThat(endpoint.user()).isEqualTo("other");
        assertThat(endpoint.password()).isEqualTo("new");
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d");
    }

    @Test
    void noPasswordIsNull() {
        assertThat(DatabaseEndpoint.parse("jdbc:postgresql://h/d", "u", null).password())
                .isNull();
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.parse("postgresql://me:topsecret@h/d", null, null);
        assertThat(endpoint.toString()).doesNotContain("topsecret").contains("password=***");
    }

    @Test
    void badUrlsAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseEndpoint.parse("mysql://me:topsecret@h/d", "u", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WENSHI_DB_URL")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseEndpoint.parse("jdbc:postgresql://h:5432/", "u", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> DatabaseEndpoint.parse("jdbc:postgresql://h:5432/d", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WENSHI_DB_USER");
    }

    @Test
    void withTheUrlSetTheLocalServerIsNeverTouched() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(Map.of(
                "WENSHI_DB_URL", "jdbc:postgresql://127.0.0.1:1/x",
                "WENSHI_DB_USER", "u",
                "WENSHI_HOME", home.toString()));
        assertThat(endpoint.managed()).isFalse();
        assertThat(Files.exists(home.resolve("postgres"))).isFalse();
    }

    @Test
    void redactHidesPasswordsInUserInfoAndParameters() {
        assertThat(DatabaseEndpoint.redact("postgresql://u:pw@h/d?password=pw2&x=1"))
                .isEqualTo("postgresql://u:***@h/d?password=***&x=1");
    }
}
