package org.wenshi.localnode;

import java.nio.file.Path;

/**
 * What {@link LocalNode#status()} found, without changing anything.
 *
 * <p>Exists so the command line and tests can report on the node without starting or stopping it.
 * It is a snapshot: it must never be used to decide whether to start a node (that decision belongs
 * to {@link LocalNode#ensureRunning()}, under the launcher lock).
 *
 * @param home the home that was asked about
 * @param state what was found
 * @param node the recorded node; {@code null} when {@link State#STOPPED}
 * @param health the cluster health colour when {@link State#RUNNING}, else {@code null}
 */
public record NodeStatus(Path home, State state, RunningNode node, String health) {

    /** The three answers a status can give. */
    public enum State {
        /** The recorded node answers with this home's cluster name. */
        RUNNING,
        /** The recorded server process is alive but does not answer (starting, or hung). */
        NOT_RESPONDING,
        /** No node of this home runs. */
        STOPPED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
