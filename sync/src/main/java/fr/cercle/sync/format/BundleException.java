package fr.cercle.sync.format;

/**
 * A bundle that is refused, before anything is written: what is wrong, and where (the line of the
 * file, counting the header as line 1, when it is about one line).
 */
public final class BundleException extends Exception {

    /** What kind of problem: the client shows each in plain words. */
    public enum Problem {
        /** Not a Cercle bundle at all, or not JSON where JSON is expected. */
        MALFORMED,
        /** Ends before the number of changes its header declares. */
        TRUNCATED,
        /** The content does not match its SHA-256: damaged or altered. */
        CHECKSUM,
        /** A format version this program does not read. */
        UNKNOWN_FORMAT_VERSION,
        /** Written by a newer Cercle, with a data schema this program does not know. */
        NEWER_SCHEMA,
        /** Larger than the limits (size, number of changes, one line). */
        TOO_LARGE,
        /** A change names an unknown entity or field, or a value that does not fit. */
        INVALID_CHANGE,
        /** A push that is not the sending device's own: another origin, or a change made by another device. */
        FOREIGN,
        /** A plain bundle where only sealed ones are taken (docs/exchange-format.md, section 11). */
        NOT_SEALED,
        /** A sealed bundle whose signature does not match: altered, or sealed by another than its sender. */
        TAMPERED,
        /** A sealed bundle addressed to another, or sealed with keys this party does not hold. */
        NOT_FOR_US,
        /** Sealed by a device the server does not know, or by a server this installation is not enrolled with. */
        UNKNOWN_SENDER,
        /** Sealed by a device its administrator has withdrawn. */
        REVOKED,
        /** A sealed bundle already received once. */
        REPLAYED,
        /**
         * A pull by organisation (format version 2) that does not follow the last one taken: an earlier
         * one is missing. Taken out of order, a record that left the scope could come back.
         */
        OUT_OF_ORDER
    }

    private final Problem problem;
    private final long line;

    public BundleException(Problem problem, long line, String message) {
        super(line > 0 ? "Line " + line + ": " + message : message);
        this.problem = problem;
        this.line = line;
    }

    public BundleException(Problem problem, long line, String message, Throwable cause) {
        this(problem, line, message);
        initCause(cause);
    }

    public Problem problem() {
        return problem;
    }

    /** The line of the file the problem is on, or 0 if it is about the whole bundle. */
    public long line() {
        return line;
    }
}
