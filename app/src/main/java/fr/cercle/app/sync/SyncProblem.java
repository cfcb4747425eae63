package fr.cercle.app.sync;

import fr.cercle.sync.client.SyncException;

/** Why a sync did not end well, as the client tells it in words. */
public enum SyncProblem {
    /** No answer: no network, a wrong address, or the server is down. */
    UNREACHABLE,
    /** The server refused the exchange. */
    REFUSED,
    /** The server failed. */
    SERVER_ERROR,
    /** The server's answer could not be read. */
    BAD_ANSWER,
    /** Stopped by the person. */
    CANCELLED,
    /** Anything else (this computer's side); the log says what. */
    UNEXPECTED;

    public static SyncProblem of(SyncException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> UNREACHABLE;
            case REFUSED -> REFUSED;
            case SERVER_ERROR -> SERVER_ERROR;
            case BAD_ANSWER -> BAD_ANSWER;
            case CANCELLED -> CANCELLED;
        };
    }
}
