package fr.cercle.persistence.backup;

import fr.cercle.persistence.StorageException;

/**
 * A backup that cannot be made or restored, with the reason the screens put in plain words. A
 * restore that throws it changed nothing in the data folder.
 */
public final class BackupException extends StorageException {

    /** Why. */
    public enum Reason {
        /** The file is not a Cercle backup (or its first bytes are damaged). */
        NOT_A_BACKUP,
        /** A newer Cercle wrote it, in a format this version does not read. */
        NEWER_FORMAT,
        /** Some bytes changed since it was written: damaged or tampered with. Nothing was restored. */
        DAMAGED,
        /** The account that opened it is not an administrator of the data it holds. */
        NOT_ADMINISTRATOR,
        /** Another Cercle has this folder's database open. */
        IN_USE,
        /** Reading or writing files failed. */
        INPUT_OUTPUT
    }

    private final Reason reason;

    public BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public BackupException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
