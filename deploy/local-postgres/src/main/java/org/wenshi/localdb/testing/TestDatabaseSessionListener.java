package org.wenshi.localdb.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test PostgreSQL when the JUnit Platform launcher session of this JVM closes, if this JVM
 * used it and no other test JVM still does (see {@link TestDatabase#release()}). Like the local node's
 * listener it never starts anything: without JUnit nothing loads it.
 */
public final class TestDatabaseSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.release();
    }
}
