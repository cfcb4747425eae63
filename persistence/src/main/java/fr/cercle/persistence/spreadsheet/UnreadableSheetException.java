package fr.cercle.persistence.spreadsheet;

/**
 * A file that cannot be read as a spreadsheet of rows: the reason says what to tell the person,
 * the line where the reading stopped when it is known (0 otherwise).
 */
public final class UnreadableSheetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the file cannot be read. */
    public enum Reason {
        /** The file is empty, or holds only blank lines. */
        EMPTY,
        /** The file has its headers but no line under them. */
        NO_ROWS,
        /** An Excel or LibreOffice workbook, not a CSV file: it must be saved as CSV first. */
        WORKBOOK,
        /** Not text, or a quote opened and never closed. */
        MALFORMED,
        /** Larger than a spreadsheet of people can be ({@link SheetReader#MAX_BYTES}). */
        TOO_LARGE
    }

    private final Reason reason;
    private final int line;

    public UnreadableSheetException(Reason reason, int line, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.line = line;
    }

    public Reason reason() {
        return reason;
    }

    public int line() {
        return line;
    }
}
