package org.wenshi.localdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * The TCP port of a home's PostgreSQL: {@code 15400 + hash % 400}, else the next free one.
 *
 * <p>Exists so that every home gets its own port without configuration and keeps it across restarts;
 * the range stays clear of PostgreSQL's 5432 (a system server) and the local Elasticsearch's
 * 19200..19999. It must never return a port it has not seen free on 127.0.0.1.
 */
final class DatabasePort {

    static final int FIRST = 15400;
    static final int COUNT = 400;

    private DatabasePort() {}

    static int derive(PostgresLayout layout) {
        long hash = Long.parseUnsignedLong(layout.homeHash().substring(0, 15), 16);
        return FIRST + (int) (hash % COUNT);
    }

    static int choose(PostgresLayout layout, IntPredicate isFree) {
        int first = derive(layout) - FIRST;
        for (int i = 0; i < COUNT; i++) {
            int candidate = FIRST + (first + i) % COUNT;
            if (isFree.test(candidate)) {
                return candidate;
            }
        }
        throw new LocalDatabaseException(
                "no free port in " + FIRST + ".." + (FIRST + COUNT - 1) + " on 127.0.0.1 for PostgreSQL");
    }

    static int choose(PostgresLayout layout) {
        return choose(layout, DatabasePort::isFreeOnLoopback);
    }

    static boolean isFreeOnLoopback(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
