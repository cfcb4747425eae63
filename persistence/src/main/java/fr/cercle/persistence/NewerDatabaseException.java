package fr.cercle.persistence;

import java.nio.file.Path;

/** The database was written by a newer version of Cercle; this version refuses to open it, so nothing is lost. */
public class NewerDatabaseException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String databaseVersion;

    public NewerDatabaseException(Path file, String databaseVersion) {
        super("The database " + file + " has schema version " + databaseVersion + ", newer than this program knows");
        this.databaseVersion = databaseVersion;
    }

    public String databaseVersion() {
        return databaseVersion;
    }
}
