package fr.cercle.sync.client;

/** A sync that could not be done; nothing local was lost. The kind lets the client say it in plain words. */
public final class SyncException extends Exception {

    public enum Kind {
        /** No answer from the server: no network, wrong address, or the server is down. */
        UNREACHABLE,
        /** The server refused what was sent, and said why. */
        REFUSED,
        /** The server failed; its log says why. */
        SERVER_ERROR,
        /** What the server sent was not a valid bundle. */
        BAD_ANSWER,
        /** Stopped by the user. */
        CANCELLED,
        /** This installation is not enrolled with a server yet (an administrator enrols it with a one-time code). */
        NOT_ENROLLED,
        /** The server's administrator withdrew this installation: it no longer syncs. */
        REVOKED,
        /** The one-time code was refused (mistyped, used or expired), or the server could not prove it knew it. */
        ENROLMENT_REFUSED
    }

    private final Kind kind;

    public SyncException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
