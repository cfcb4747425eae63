package fr.cercle.persistence.backup;

import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.installation.Installation;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a {@link BackupFile} back in place of an installation's data, all or nothing, while the
 * database is closed (from the sign-in screen). The backup is opened with a login and password of
 * the time, or the recovery code of the time, through the keyring it carries; decrypted and checked
 * in a work folder (a changed byte refuses it; a database from a newer Cercle is refused; an older
 * one is migrated, which is the upgrade path); only then are the current database and keyring moved
 * aside to {@code backups/before-restore-<time>/}, never deleted, and the restored ones moved in.
 *
 * <p>The restored installation gets a new device id and forgets its enrolment and sync cursors: the
 * server has received changes from the old id after the backup was made, and the new ones must not
 * reuse their sequence numbers (the server would drop them as duplicates). Enrolled again, it pulls
 * everything from the start, its own later changes under the old id included. See docs/decisions/0017.
 */
public final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);
    /** The settings that tie an installation to its server's enrolment and cursors (sync module's keys). */
    static final String SYNC_PREFIX = "sync.";
    /** Among them, those that are the administrator's choices and stay. */
    static final List<String> SYNC_KEPT = List.of("sync.server.url", "sync.interval.minutes");

    private Restore() {
    }

    /** Who opens the backup: a login and password of the time, or the recovery code of the time. */
    public record Credentials(String login, char[] password, String recoveryCode) {
        public static Credentials account(String login, char[] password) {
            return new Credentials(login, password, null);
        }

        public static Credentials recovery(String code) {
            return new Credentials(null, null, code);
        }

        @Override
        public String toString() {
            return "Credentials[" + (recoveryCode != null ? "recovery" : login) + "]";
        }
    }

    /** What was restored, and where the data it replaced went (none when the folder was empty). */
    public record Restored(BackupFile.Header header, Optional<Path> previous, DeviceId newDevice) {
    }

    /** The plain header of a backup, to show before asking for a password. */
    public static BackupFile.Header inspect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return BackupFile.read(in).header();
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.INPUT_OUTPUT, "The file " + file + " cannot be read", e);
        }
    }

    /**
     * Restores {@code file} into {@code dataDir}, whose database must be closed.
     *
     * @throws fr.cercle.persistence.security.SignInException wrong password or code
     * @throws BackupException                                 not a backup, damaged, not an administrator
     * @throws fr.cercle.persistence.NewerDatabaseException     made by a newer Cercle
     */
    public static Restored restore(Path file, Path dataDir, Credentials who, Clock clock) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backups = dataDir.resolve(CercleDatabase.BACKUP_FOLDER);
        Path work = dataDir.resolve(".restoring-" + stamp + "-" + System.nanoTime());
        try {
            Files.createDirectories(work);
            BackupFile.Opened opened;
            DatabaseKey key;
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
                opened = BackupFile.read(in);
                Files.write(work.resolve(Keyring.FILE_NAME), opened.keyring());
                Keyring keyring = Keyring.load(work);
                key = who.recoveryCode() != null ? keyring.recover(who.recoveryCode(), clock.instant())
                        : keyring.unlock(who.login(), who.password(), clock.instant());
                unzip(BackupFile.payload(in, opened.associatedData(), key), work);
            }
            DeviceId device = reidentify(work, key, who, clock);
            Optional<Path> previous = swap(dataDir, backups.resolve("before-restore-" + stamp), work);
            LOG.info("Backup of {} restored (schema {}); the previous data are in {}", opened.header().created(),
                    opened.header().schemaVersion(), previous.map(Path::toString).orElse("(none)"));
            return new Restored(opened.header(), previous, device);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.INPUT_OUTPUT, "The backup could not be restored: "
                    + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** Decrypts and unzips the database file; a changed byte stops it with DAMAGED. */
    private static void unzip(InputStream payload, Path work) {
        Path database = work.resolve(CercleDatabase.FILE_NAME + ".mv.db");
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(payload)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(CercleDatabase.FILE_NAME + ".mv.db")) {
                    Files.copy(zip, database);
                    found = true;
                }
            }
            // Read to the end: the last segment's tag is checked only there.
            zip.transferTo(java.io.OutputStream.nullOutputStream());
            payload.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, "The backup is damaged or was changed since it "
                    + "was made: " + e.getMessage(), e);
        }
        if (!found) {
            throw new BackupException(BackupException.Reason.DAMAGED, "The backup holds no database");
        }
    }

    /**
     * Opens the restored database in the work folder (migrating it if it is older), checks the account
     * may restore, then makes it a new device for sync and records the installation under that id.
     */
    private static DeviceId reidentify(Path work, DatabaseKey key, Credentials who, Clock clock) {
        Optional<Installation> installation;
        StaffId author = null;
        DeviceId fresh = DeviceId.newId();
        try (CercleDatabase db = CercleDatabase.open(work, clock, key)) {
            if (who.recoveryCode() == null) {
                AccountRepository accounts = new AccountRepository(db.dsl(), clock);
                Optional<Account> account = accounts.find(Keyring.normaliseLogin(who.login()));
                if (!accounts.all().isEmpty() && account.map(a -> !a.roles().contains(Role.ADMINISTRATOR)).orElse(true)) {
                    throw new BackupException(BackupException.Reason.NOT_ADMINISTRATOR,
                            "Only an administrator of the data in the backup may restore it");
                }
            }
            DeviceId old = db.deviceId();
            installation = new InstallationRepository(db.dsl(), old).find();
            if (installation.isPresent()) {
                List<JournalEntry> entries = db.journal().entriesFor(Entities.INSTALLATION_TABLE.entity(), old.value());
                author = entries.isEmpty() ? null : entries.get(entries.size() - 1).author();
            }
            LocalSettings settings = db.localSettings();
            settings.put(LocalSettings.DEVICE_ID, fresh.toString());
            settings.removeStartingWith(SYNC_PREFIX, SYNC_KEPT);
            LOG.info("Restored installation: device id {} replaces {}", fresh, old);
        }
        if (installation.isPresent() && author != null) {
            Installation was = installation.get();
            try (CercleDatabase db = CercleDatabase.open(work, clock, key)) {
                db.writer().run(author, tx -> new InstallationRepository(db.dsl(), db.deviceId()).save(tx, was.structure()));
            }
        }
        deleteTree(work.resolve(CercleDatabase.BACKUP_FOLDER));
        return fresh;
    }

    /** Moves the current database and keyring aside, then the restored ones in. */
    private static Optional<Path> swap(Path dataDir, Path aside, Path work) throws IOException {
        String database = CercleDatabase.FILE_NAME + ".mv.db";
        List<String> names = List.of(database, CercleDatabase.FILE_NAME + ".trace.db", Keyring.FILE_NAME);
        checkNotInUse(dataDir.resolve(database));
        List<String> moved = new java.util.ArrayList<>();
        try {
            for (String name : names) {
                Path current = dataDir.resolve(name);
                if (Files.exists(current)) {
                    Files.createDirectories(aside);
                    Files.move(current, aside.resolve(name));
                    moved.add(name);
                }
            }
            Backups.move(work.resolve(database), dataDir.resolve(database));
            Backups.move(work.resolve(Keyring.FILE_NAME), dataDir.resolve(Keyring.FILE_NAME));
        } catch (IOException e) {
            // Put back what was moved aside: all or nothing.
            for (String name : moved) {
                try {
                    Files.move(aside.resolve(name), dataDir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException again) {
                    e.addSuppressed(again);
                    LOG.error("Could not put {} back from {}: move it back by hand", name, aside, again);
                }
            }
            throw e;
        }
        return moved.isEmpty() ? Optional.empty() : Optional.of(aside);
    }

    /** H2 holds a lock on the file of an open database: if it is taken, another Cercle uses it. */
    private static void checkNotInUse(Path database) throws IOException {
        if (!Files.exists(database)) {
            return;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(database,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(database, null);
            }
            lock.release();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw inUse(database, e);
        }
    }

    private static BackupException inUse(Path database, Exception cause) {
        return new BackupException(BackupException.Reason.IN_USE, "The database " + database
                + " is open in another Cercle: close it, then restore", cause);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the work folder {}", root, e);
        }
    }
}
