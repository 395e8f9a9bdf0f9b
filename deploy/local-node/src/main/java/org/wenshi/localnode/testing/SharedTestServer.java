package org.wenshi.localnode.testing;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * One server shared by every test JVM of a build (the Elasticsearch node of {@link TestNode}, the
 * PostgreSQL of {@code org.wenshi.localdb.testing.TestDatabase}): started on first use, stopped by the
 * last JVM that used it.
 *
 * <p>Each JVM that uses the server holds a shared lock on {@code test-users.lock} in the server's
 * folder; {@link #release()} gives it up and, when an exclusive lock can then be taken (no other JVM
 * uses the server), stops it. So test JVMs running side by side never stop the server under each
 * other, and a build leaves no server behind. It never stops a server this JVM did not use.
 *
 * @param <T> what starting the server gives (its URL, its endpoint)
 */
public final class SharedTestServer<T> {

    private static final Logger LOG = System.getLogger(SharedTestServer.class.getName());

    private final String name;
    private final Supplier<Path> folder;
    private final Supplier<T> start;
    private final Runnable stop;

    private T value;
    private FileChannel usersChannel;
    private FileLock usersLock;
    private boolean shutdownHookAdded;

    /**
     * @param name what the server is, for messages ("test node", "test database")
     * @param folder the server's folder, where {@code test-users.lock} lives
     * @param start starts the server, or finds it running, and says how to reach it
     * @param stop stops it
     */
    public SharedTestServer(String name, Supplier<Path> folder, Supplier<T> start, Runnable stop) {
        this.name = name;
        this.folder = folder;
        this.start = start;
        this.stop = stop;
    }

    /** The running server, started on first use (or reused when already running). */
    public synchronized T get() {
        if (value == null) {
            acquire();
        }
        return value;
    }

    /**
     * Gives up this JVM's use of the server and stops it when no other test JVM uses it. Does nothing
     * when this JVM never called {@link #get()}; {@link #get()} after it starts the server again.
     */
    public synchronized void release() {
        if (value == null) {
            return;
        }
        value = null;
        try {
            usersLock.release();
            FileLock exclusive = usersChannel.tryLock(0, Long.MAX_VALUE, false);
            if (exclusive == null) {
                LOG.log(Level.INFO, "another test JVM still uses the {0}; it will stop it", name);
                return;
            }
            try {
                stop.run();
            } finally {
                exclusive.release();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot release the " + name + ": " + e.getMessage(), e);
        } finally {
            closeUsersChannel();
        }
    }

    private void acquire() {
        Path dir = folder.get();
        try {
            Files.createDirectories(dir);
            usersChannel = FileChannel.open(
                    dir.resolve("test-users.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // Shared: other test JVMs may use the server too. Blocks while a last user is stopping it.
            usersLock = usersChannel.lock(0, Long.MAX_VALUE, true);
        } catch (IOException e) {
            closeUsersChannel();
            throw new IllegalStateException("cannot lock the " + name + " in " + dir + ": " + e.getMessage(), e);
        }
        try {
            value = start.get();
        } catch (RuntimeException e) {
            closeUsersChannel();
            throw e;
        }
        if (!shutdownHookAdded) {
            // For runs that never close a launcher session (a plain main, a killed session): JVM exit.
            Runtime.getRuntime().addShutdownHook(new Thread(this::releaseQuietly, "wenshi-test-server-release"));
            shutdownHookAdded = true;
        }
    }

    private void releaseQuietly() {
        try {
            release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping the " + name + " at JVM exit failed", e);
        }
    }

    private void closeUsersChannel() {
        try {
            if (usersChannel != null) {
                usersChannel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing test-users.lock", e);
        } finally {
            usersChannel = null;
            usersLock = null;
        }
    }
}
