package fr.cercle.app.sync;

import java.nio.file.Path;

/**
 * How the export of an exchange file ended.
 *
 * @param file    the file written, or {@code null} when it could not be
 * @param changes how many changes it holds
 */
public record ExportResult(Path file, long changes) {

    public static ExportResult notWritten() {
        return new ExportResult(null, 0);
    }

    public boolean written() {
        return file != null;
    }
}
