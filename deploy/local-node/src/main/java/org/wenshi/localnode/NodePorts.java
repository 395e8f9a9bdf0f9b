package org.wenshi.localnode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * The HTTP and transport ports of a home's node: {@code http = 19200 + 2 * (hash % 400)}, {@code
 * transport = http + 1}.
 *
 * <p>Exists so that a second checkout or a test home gets its own ports without configuration, and
 * the same home keeps its ports across restarts (bookmarks, a portal started earlier). When the
 * derived pair is taken, the next free pair in the range is used. It must never pick a port outside
 * 19200..19999 nor return a pair it has not seen free on the loopback interface.
 */
record NodePorts(int http, int transport) {

    static final int FIRST = 19200;
    static final int PAIRS = 400;

    /** The pair this home should use when nothing else is in the way. */
    static NodePorts derive(NodeLayout layout) {
        long hash = Long.parseUnsignedLong(layout.homeHash().substring(0, 15), 16);
        return pair((int) (hash % PAIRS));
    }

    /** The derived pair if both ports are free, else the next free pair (wrapping around). */
    static NodePorts choose(NodeLayout layout, IntPredicate isFree) {
        int first = (derive(layout).http() - FIRST) / 2;
        for (int i = 0; i < PAIRS; i++) {
            NodePorts candidate = pair((first + i) % PAIRS);
            if (isFree.test(candidate.http()) && isFree.test(candidate.transport())) {
                return candidate;
            }
        }
        throw new LocalNodeException(
                "no free pair of ports in " + FIRST + ".." + (FIRST + 2 * PAIRS - 1) + " on 127.0.0.1");
    }

    static NodePorts choose(NodeLayout layout) {
        return choose(layout, NodePorts::isFreeOnLoopback);
    }

    static boolean isFreeOnLoopback(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Elasticsearch binds with SO_REUSEADDR too, so a port in TIME_WAIT counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static NodePorts pair(int index) {
        int http = FIRST + 2 * index;
        return new NodePorts(http, http + 1);
    }
}
