package fr.cercle.app.sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the export of an exchange file ended.
 *
 * @param file    the file written, or {@code null} when it could not be
 * @param changes how many changes it holds
 */
public record ExportResult(Kind kind, Path file, long changes) {

    public enum Kind {
        /** Written, sealed for the server. */
        WRITTEN,
        /** Not written: this installation is not enrolled, so there is no server to seal the file for. */
        NOT_ENROLLED,
        /** Not written: the file could not be (a USB key removed, no room left). */
        FAILED
    }

    public ExportResult {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.WRITTEN) != (file != null)) {
            throw new IllegalArgumentException("A written export names its file, and only it");
        }
    }

    public static ExportResult written(Path file, long changes) {
        return new ExportResult(Kind.WRITTEN, Objects.requireNonNull(file, "file"), changes);
    }

    public static ExportResult notEnrolled() {
        return new ExportResult(Kind.NOT_ENROLLED, null, 0);
    }

    public static ExportResult notWritten() {
        return new ExportResult(Kind.FAILED, null, 0);
    }

    public boolean written() {
        return kind == Kind.WRITTEN;
    }
}
