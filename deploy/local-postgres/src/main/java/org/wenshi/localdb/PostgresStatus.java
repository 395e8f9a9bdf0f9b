package org.wenshi.localdb;

import java.nio.file.Path;

/**
 * What {@link LocalPostgres#status()} found, without changing anything.
 *
 * @param home the home that was asked about
 * @param state what was found
 * @param server the recorded server; {@code null} when {@link State#STOPPED}
 */
public record PostgresStatus(Path home, State state, RunningPostgres server) {

    /** The three answers a status can give. */
    public enum State {
        /** The recorded server of this home answers on its port. */
        RUNNING,
        /** The recorded server process is alive but does not answer. */
        NOT_RESPONDING,
        /** No server of this home runs. */
        STOPPED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
