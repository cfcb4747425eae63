package fr.cercle.persistence.security;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.StorageException;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Encrypts, in place, the database of an installation made before its data were encrypted, when its
 * first account is created. The copies taken before earlier upgrades are plain text: they go too.
 */
public final class DatabaseEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEncryption.class);

    private DatabaseEncryption() {
    }

    /** Whether the folder holds a database that is not encrypted yet (there is a file, and no keyring). */
    public static boolean needed(Path dataDir) {
        return Files.exists(dataDir.resolve(CercleDatabase.FILE_NAME + ".mv.db")) && !Keyring.exists(dataDir);
    }

    /** Encrypts the folder's database file with the key; the database must be closed. */
    public static void encryptInPlace(Path dataDir, DatabaseKey key) {
        char[] password = key.h2Password().strip().toCharArray();
        try {
            ChangeFileEncryption.execute(dataDir.toString(), CercleDatabase.FILE_NAME, "AES", null, password, true);
        } catch (SQLException e) {
            throw new StorageException("The database could not be encrypted; it was left as it was", e);
        } finally {
            Arrays.fill(password, '\0');
        }
        Path backups = dataDir.resolve(CercleDatabase.BACKUP_FOLDER);
        if (Files.isDirectory(backups)) {
            try (Stream<Path> files = Files.list(backups)) {
                for (Path plain : files.filter(p -> p.getFileName().toString().endsWith(".zip")).toList()) {
                    Files.delete(plain);
                    LOG.info("Deleted {}, a copy of the database from before it was encrypted", plain.getFileName());
                }
            } catch (IOException e) {
                throw new StorageException("The copies of the database from before it was encrypted could not be deleted"
                        + " from " + backups + ": delete them by hand", e);
            }
        }
        LOG.info("Database encrypted");
    }
}
