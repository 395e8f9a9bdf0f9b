package org.wenshi.localnode.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test node when the JUnit Platform launcher session of this JVM closes, if this JVM used
 * it and no other test JVM still does (see {@link TestNode#release()}).
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} of
 * this jar. That is safe outside tests: only the JUnit launcher asks {@code ServiceLoader} for this
 * interface, so without JUnit nothing reads the registration and this class is never loaded. It must
 * never start anything, nor stop a node this JVM did not use.
 */
public final class TestNodeSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestNode.release();
    }
}
