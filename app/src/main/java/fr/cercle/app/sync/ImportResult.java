package fr.cercle.app.sync;

import fr.cercle.sync.client.ImportReport;
import fr.cercle.sync.format.BundleException;

import java.util.Objects;

/**
 * How the import of an exchange file ended.
 *
 * @param report  what the import did, when it was imported
 * @param problem why the file was refused, when it was (nothing was written)
 * @param line    the line of the file the problem is on, or 0
 */
public record ImportResult(Kind kind, ImportReport report, BundleException.Problem problem, long line) {

    public enum Kind {
        /** Imported, all of it. */
        IMPORTED,
        /** Refused before anything was written, for a reason in the file. */
        REFUSED,
        /** Not read: this installation is not enrolled, so no file can be opened here. */
        NOT_ENROLLED,
        /** The file could not be read (removed, no permission). */
        UNREADABLE,
        /** Something unexpected on this computer; nothing was written. */
        FAILED
    }

    public ImportResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static ImportResult imported(ImportReport report) {
        return new ImportResult(Kind.IMPORTED, Objects.requireNonNull(report), null, 0);
    }

    public static ImportResult refused(BundleException e) {
        return new ImportResult(Kind.REFUSED, null, e.problem(), e.line());
    }

    public static ImportResult notEnrolled() {
        return new ImportResult(Kind.NOT_ENROLLED, null, null, 0);
    }

    public static ImportResult unreadable() {
        return new ImportResult(Kind.UNREADABLE, null, null, 0);
    }

    public static ImportResult failed() {
        return new ImportResult(Kind.FAILED, null, null, 0);
    }
}
