package fr.cercle.persistence.backup;

import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.NewerDatabaseException;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.security.SignInException;
import fr.cercle.persistence.staff.StaffRepository;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup to one encrypted file and restore, all or nothing, on real H2 files. */
class BackupRestoreTest {

    static final int FAST = 1_000;
    static final String ADMIN = "claire.martin";
    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path temp;
    Path dir;
    HandClock clock;
    DatabaseKey key;
    String recoveryCode;
    StaffMember claire;

    @BeforeEach
    void installation() {
        dir = temp.resolve("data");
        clock = new HandClock(Instant.parse("2026-11-25T10:00:00Z"));
        Keyring.Created created = Keyring.create(dir, ADMIN, PASSWORD.toCharArray(), FAST);
        key = created.key();
        recoveryCode = created.recoveryCode();
        claire = TestData.staff();
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            db.writer().run(claire.id(), tx -> new InstallationRepository(db.dsl(), db.deviceId())
                    .save(tx, new Structure("CCAS de La Souterraine", StructureKind.CCAS, TestData.LA_SOUTERRAINE)));
            new AccountRepository(db.dsl(), clock).save(new Account(ADMIN, Optional.of(claire.id()),
                    Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)), ADMIN);
            new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS)
                    .save(TestData.beneficiary(claire.id()).firstName("Zéphyrine").lastName("Quatremains").build(), claire.id());
            db.localSettings().put("sync.pull.cursor", "42");
            db.localSettings().put("sync.server.url", "https://cercle.example.fr");
        }
    }

    @Test
    void aRestoredBackupHoldsExactlyTheDataOfItsTimeUnderANewDeviceId() throws Exception {
        Path file = temp.resolve("sauvegarde" + BackupFile.EXTENSION);
        Map<String, List<String>> atBackup;
        String oldDevice;
        Beneficiary later = TestData.beneficiary(claire.id()).firstName("Après").lastName("Coup").build();
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            Backups.Made made = Backups.create(db, key, file, share -> {
            });
            assertThat(made.bytes()).isEqualTo(Files.size(file)).isPositive();
            atBackup = tables(db.dsl());
            oldDevice = db.deviceId().toString();
            // Work done after the backup: the restore takes the data back to before it.
            new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS)
                    .save(later, claire.id());
        }
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).as("nothing personal in clear").doesNotContain("Quatremains").doesNotContain("Souterraine");
        assertThat(Restore.inspect(file).createdAt()).isEqualTo(clock.instant());
        assertThat(Restore.inspect(file).schemaVersion()).matches("[0-9]+");

        clock.advance(Duration.ofDays(3));
        Restore.Restored restored = Restore.restore(file, dir, Restore.Credentials.account(ADMIN, PASSWORD.toCharArray()), clock);

        assertThat(restored.previous()).isPresent();
        assertThat(restored.previous().get().getFileName().toString()).startsWith("before-restore-");
        assertThat(restored.previous().get().resolve(CercleDatabase.FILE_NAME + ".mv.db")).exists();
        assertThat(restored.previous().get().resolve(Keyring.FILE_NAME)).exists();
        assertThat(restored.newDevice().toString()).isNotEqualTo(oldDevice);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, Keyring.load(dir).unlock(ADMIN, PASSWORD.toCharArray(), clock.instant()))) {
            String device = db.deviceId().toString();
            assertThat(device).isEqualTo(restored.newDevice().toString());
            Map<String, List<String>> now = tables(db.dsl());
            assertThat(now.keySet()).isEqualTo(atBackup.keySet());
            for (String table : atBackup.keySet()) {
                List<String> missing = new ArrayList<>(atBackup.get(table));
                missing.removeAll(now.get(table));
                List<String> added = new ArrayList<>(now.get(table));
                added.removeAll(atBackup.get(table));
                if (table.equalsIgnoreCase("PUBLIC.LOCAL_SETTING")) {
                    // The device id is new, and the server's cursors and enrolment are forgotten; its address stays.
                    assertThat(missing).as(table).allSatisfy(row -> assertThat(row).containsAnyOf("device.id", "sync.pull.cursor"));
                    assertThat(added).as(table).singleElement().satisfies(row -> assertThat(row).contains(device));
                } else {
                    assertThat(missing).as(table).isEmpty();
                    // The installation recorded under its new id, through the journal: nothing else is new.
                    assertThat(added).as(table).allSatisfy(row -> assertThat(row).contains(device));
                }
            }
            assertThat(db.localSettings().get("sync.server.url")).contains("https://cercle.example.fr");
            assertThat(db.localSettings().get("sync.pull.cursor")).isEmpty();
            assertThat(new InstallationRepository(db.dsl(), db.deviceId()).find()).isPresent();
            assertThat(new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).find(later.id())).isEmpty();
        }
        try (Stream<Path> left = Files.list(dir.resolve(CercleDatabase.BACKUP_FOLDER))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no work folder left").allMatch(n -> n.startsWith("before-restore-"));
        }
    }

    @Test
    void theRecoveryCodeOfTheTimeOpensItTooAndAnEmptyFolderReceivesIt() {
        Path file = backup();
        Path elsewhere = temp.resolve("new-computer");

        Restore.Restored restored = Restore.restore(file, elsewhere, Restore.Credentials.recovery(recoveryCode), clock);

        assertThat(restored.previous()).isEmpty();
        DatabaseKey opened = Keyring.load(elsewhere).unlock(ADMIN, PASSWORD.toCharArray(), clock.instant());
        try (CercleDatabase db = CercleDatabase.open(elsewhere, clock, opened)) {
            assertThat(new AccountRepository(db.dsl(), clock).find(ADMIN)).isPresent();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingChanges() throws Exception {
        Path file = backup();
        String before = fingerprint(dir);

        assertThatThrownBy(() -> Restore.restore(file, dir, Restore.Credentials.account(ADMIN, "pas le bon mot de passe".toCharArray()), clock))
                .isInstanceOf(SignInException.class);

        assertThat(fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void aChangedByteAnywhereIsRefusedAndNothingChanges() throws Exception {
        Path file = backup();
        byte[] bytes = Files.readAllBytes(file);
        String before = fingerprint(dir);
        // In the encrypted payload (its middle, and its last byte: the final tag), and in the plain header.
        int headerByte = 20;
        for (int position : new int[]{bytes.length / 2, bytes.length - 1, headerByte}) {
            byte[] changed = bytes.clone();
            changed[position] ^= 0x01;
            Path tampered = temp.resolve("tampered-" + position + BackupFile.EXTENSION);
            Files.write(tampered, changed);

            assertThatThrownBy(() -> Restore.restore(tampered, dir, Restore.Credentials.account(ADMIN, PASSWORD.toCharArray()), clock))
                    .as("byte %d", position)
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED));
            assertThat(fingerprint(dir)).isEqualTo(before);
        }
    }

    @Test
    void aFileThatIsNotABackupIsNamedSo() throws Exception {
        Path other = temp.resolve("photo.jpg");
        Files.write(other, "not a backup at all".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Restore.inspect(other))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_A_BACKUP));
    }

    @Test
    void aBackupOfANewerCercleIsRefusedAndNothingChanges() throws Exception {
        Path newer = temp.resolve("newer");
        Keyring.Created created = Keyring.create(newer, ADMIN, PASSWORD.toCharArray(), FAST);
        Path file = temp.resolve("newer" + BackupFile.EXTENSION);
        try (CercleDatabase db = CercleDatabase.open(newer, clock, created.key(),
                List.of("classpath:db/migration", "classpath:db/test/upgrade"))) {
            Backups.create(db, created.key(), file, share -> {
            });
        }
        assertThat(Restore.inspect(file).schemaVersion()).isEqualTo("999");
        String before = fingerprint(dir);

        assertThatThrownBy(() -> Restore.restore(file, dir, Restore.Credentials.account(ADMIN, PASSWORD.toCharArray()), clock))
                .isInstanceOf(NewerDatabaseException.class);

        assertThat(fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorOfTheTimeMayRestore() throws Exception {
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            new AccountRepository(db.dsl(), clock).save(new Account("paul.durand", Optional.of(claire.id()), Set.of(Role.CASEWORKER)), ADMIN);
        }
        Keyring.load(dir).enrol(key, "paul.durand", "un autre mot de passe".toCharArray());
        Path file = backup();
        String before = fingerprint(dir);

        assertThatThrownBy(() -> Restore.restore(file, dir, Restore.Credentials.account("paul.durand", "un autre mot de passe".toCharArray()), clock))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_ADMINISTRATOR));
        assertThat(fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void aDatabaseOpenElsewhereIsNotReplaced() {
        Path file = backup();
        try (CercleDatabase open = CercleDatabase.open(dir, clock, key)) {
            assertThatThrownBy(() -> Restore.restore(file, dir, Restore.Credentials.account(ADMIN, PASSWORD.toCharArray()), clock))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.IN_USE));
            assertThat(open.localSettings().get(LocalSettings.DEVICE_ID)).contains(open.deviceId().toString());
        }
        assertThat(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db")).exists();
        assertThat(dir.resolve(CercleDatabase.BACKUP_FOLDER)).isDirectoryNotContaining("glob:**/before-restore-*");
    }

    private Path backup() {
        Path file = temp.resolve("sauvegarde" + BackupFile.EXTENSION);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            Backups.create(db, key, file, share -> {
            });
        }
        return file;
    }

    /** Every row of every table of the database, as text, by table. */
    static Map<String, List<String>> tables(DSLContext dsl) {
        Map<String, List<String>> all = new TreeMap<>();
        for (Table<?> table : dsl.meta().getSchemas("PUBLIC").get(0).getTables()) {
            List<String> rows = new ArrayList<>();
            dsl.selectFrom(table).fetch().forEach(r -> rows.add(r.intoList().toString()));
            all.put("PUBLIC." + table.getName(), rows);
        }
        return all;
    }

    /** The names and contents of the files of a folder, hashed: changes when anything does. */
    static String fingerprint(Path folder) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                names.add(folder.relativize(p).toString());
                digest.update(folder.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(p)) {
                    digest.update(Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names.size() + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
