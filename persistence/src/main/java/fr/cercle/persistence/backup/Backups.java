package fr.cercle.persistence.backup;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.DoubleConsumer;

/**
 * Makes a {@link BackupFile} of an open installation: a consistent copy of the database (H2's
 * {@code BACKUP TO}, taken while others keep working), its keyring, encrypted into one file written
 * under a temporary name and moved in place only when complete, so that a file with the final name
 * is always a whole backup.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private Backups() {
    }

    /** What was written. */
    public record Made(Path file, long bytes, BackupFile.Header header) {
    }

    /**
     * Backs up the database (opened with {@code key}) and the keyring beside it to {@code target}.
     *
     * @param progress told the share done, from 0 to 1, as the payload is written
     */
    public static Made create(CercleDatabase db, DatabaseKey key, Path target, DoubleConsumer progress) {
        Path dataDir = db.directory();
        Path work = null;
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] keyring = Files.readAllBytes(dataDir.resolve(Keyring.FILE_NAME));
            work = Files.createDirectories(dataDir.resolve(CercleDatabase.BACKUP_FOLDER)).resolve(".backup-" + System.nanoTime() + ".zip");
            copyDatabase(db, work);
            BackupFile.Header header = new BackupFile.Header(db.clock().instant().toString(), schemaVersion(db));
            long total = Files.size(work);
            long done = 0;
            try (OutputStream file = Files.newOutputStream(partial);
                 OutputStream out = BackupFile.write(file, header, keyring, key);
                 InputStream zip = Files.newInputStream(work)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    out.write(buffer, 0, n);
                    done += n;
                    progress.accept(total == 0 ? 1 : (double) done / total);
                }
            }
            move(partial, target);
            long bytes = Files.size(target);
            LOG.info("Backup written to {} ({} bytes, schema {})", target, bytes, header.schemaVersion());
            return new Made(target, bytes, header);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.INPUT_OUTPUT, "The backup could not be written to " + target
                    + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(work);
        }
    }

    /** A consistent copy of the database file, zipped (still encrypted with the database key). */
    private static void copyDatabase(CercleDatabase db, Path zip) throws IOException {
        try (Connection connection = db.dsl().configuration().connectionProvider().acquire();
             Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            throw new IOException("The database could not be copied: " + e.getMessage(), e);
        }
    }

    /** The schema version of an open database: the latest migration applied. */
    static String schemaVersion(CercleDatabase db) {
        Object version = db.dsl().fetchValue("select \"version\" from \"flyway_schema_history\" where \"success\" "
                + "and \"version\" is not null order by \"installed_rank\" desc limit 1");
        return version == null ? "0" : version.toString();
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary file {}", file, e);
            }
        }
    }
}
