package org.wenshi.localnode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

class TestNodeSessionListenerTest {

    @Test
    void isRegisteredForTheJUnitLauncher() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(TestNodeSessionListener.class);
    }

    @Test
    void closingASessionOfAJvmThatNeverUsedTheNodeDoesNothing() {
        new TestNodeSessionListener().launcherSessionClosed(null);
    }
}
