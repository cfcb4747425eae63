package fr.cercle.app.sync;

import fr.cercle.sync.client.SyncException;

/** Why a sync (or an enrolment) did not end well, as the client tells it in words. */
public enum SyncProblem {
    /** No answer: no network, a wrong address, or the server is down. */
    UNREACHABLE,
    /** The server refused the exchange. */
    REFUSED,
    /** The server failed. */
    SERVER_ERROR,
    /** The server's answer could not be read, or its certificate is not the one pinned at enrolment. */
    BAD_ANSWER,
    /** Stopped by the person. */
    CANCELLED,
    /** This installation is not enrolled with a server: an administrator enrols it in the settings. */
    NOT_ENROLLED,
    /** The server's administrator withdrew this installation: it no longer syncs. */
    REVOKED,
    /** The enrolment code was refused (mistyped, used, expired), or the server could not prove it knew it. */
    ENROLMENT_REFUSED,
    /** Anything else (this computer's side); the log says what. */
    UNEXPECTED;

    public static SyncProblem of(SyncException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> UNREACHABLE;
            case REFUSED -> REFUSED;
            case SERVER_ERROR -> SERVER_ERROR;
            case BAD_ANSWER -> BAD_ANSWER;
            case CANCELLED -> CANCELLED;
            case NOT_ENROLLED -> NOT_ENROLLED;
            case REVOKED -> REVOKED;
            case ENROLMENT_REFUSED -> ENROLMENT_REFUSED;
        };
    }
}
