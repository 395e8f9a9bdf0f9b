package org.wenshi.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabasePortTest {

    private final PostgresLayout layout = new PostgresLayout(Path.of("/some/home"));

    @Test
    void derivedPortIsStableAndInItsRange() {
        int port = DatabasePort.derive(layout);
        assertThat(port).isBetween(DatabasePort.FIRST, DatabasePort.FIRST + DatabasePort.COUNT - 1);
        assertThat(DatabasePort.derive(new PostgresLayout(Path.of("/some/home"))))
                .isEqualTo(port);
        assertThat(DatabasePort.choose(layout, p -> true)).isEqualTo(port);
    }

    @Test
    void takenPortsAreSkippedWrappingAround() {
        int derived = DatabasePort.derive(layout);
        assertThat(DatabasePort.choose(layout, p -> p != derived))
                .isEqualTo(derived == DatabasePort.FIRST + DatabasePort.COUNT - 1 ? DatabasePort.FIRST : derived + 1);
        assertThat(DatabasePort.choose(layout, p -> p == DatabasePort.FIRST)).isEqualTo(DatabasePort.FIRST);
    }

    @Test
    void noFreePortIsAnError() {
        assertThatThrownBy(() -> DatabasePort.choose(layout, p -> false))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("no free port");
    }
}
