package fr.cercle.persistence;

import java.nio.file.Path;

/**
 * The database file is encrypted with another key than the one given (or is not encrypted while a
 * key was given, or the reverse). Nothing was read and nothing was changed.
 */
public class WrongDatabaseKeyException extends DatabaseUnreadableException {

    private static final long serialVersionUID = 1L;

    public WrongDatabaseKeyException(Path file, Throwable cause) {
        super(file, cause);
    }
}
