package fr.cercle.persistence;

import java.nio.file.Path;

/** The database file cannot be read: damaged, not a Cercle database, or not accessible. Nothing was changed. */
public class DatabaseUnreadableException extends StorageException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnreadableException(Path file, Throwable cause) {
        super("The database " + file + " cannot be read", cause);
    }
}
