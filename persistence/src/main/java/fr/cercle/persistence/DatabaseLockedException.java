package fr.cercle.persistence;

import java.nio.file.Path;

/** Another running Cercle (or another program) holds the database file. Nothing was changed. */
public class DatabaseLockedException extends StorageException {

    private static final long serialVersionUID = 1L;

    public DatabaseLockedException(Path file, Throwable cause) {
        super("The database " + file + " is in use by another program", cause);
    }
}
