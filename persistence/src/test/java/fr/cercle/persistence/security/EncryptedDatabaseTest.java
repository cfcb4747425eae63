package fr.cercle.persistence.security;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.WrongDatabaseKeyException;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stolen PC or a copied file reveals nothing: the database file is encrypted with the keyring's key. */
class EncryptedDatabaseTest {

    /** A name that appears nowhere else, looked for in the file's bytes. */
    static final String MARKER = "Quatremains";

    @TempDir
    Path dir;

    @Test
    void theFileHoldsNoPlainValueAndOpensAgainWithTheKeyAfterASignIn() throws Exception {
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(),
                KeyringTest.FAST);
        StaffMember claire = TestData.staff();
        Beneficiary zephyrine = TestData.beneficiary(claire.id()).firstName("Zéphyrine").lastName(MARKER)
                .situation("Suivie pour " + MARKER + " depuis mars.").build();
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, created.key())) {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).save(zephyrine, claire.id());
        }

        byte[] file = Files.readAllBytes(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"));
        assertThat(contains(file, MARKER.getBytes(StandardCharsets.UTF_8))).as("the name in plain text").isFalse();
        assertThat(contains(file, MARKER.getBytes(StandardCharsets.UTF_16BE))).isFalse();
        assertThat(contains(file, "CREATE TABLE".getBytes(StandardCharsets.UTF_8))).as("even the schema").isFalse();

        DatabaseKey key = Keyring.load(dir).unlock("claire.martin", "le chat dort au soleil".toCharArray(),
                TestData.CLOCK.instant());
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, key)) {
            assertThat(new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).find(zephyrine.id()))
                    .contains(zephyrine);
        }
    }

    @Test
    void anotherKeyOrNoKeyDoesNotOpenItAndChangesNothing() throws Exception {
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(),
                KeyringTest.FAST);
        CercleDatabase.open(dir, TestData.CLOCK, created.key()).close();
        byte[] before = Files.readAllBytes(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"));
        Path other = Files.createDirectories(dir.resolve("other"));
        DatabaseKey otherKey = Keyring.create(other, "paul.durand", "trois petits chats".toCharArray(),
                KeyringTest.FAST).key();

        assertThatThrownBy(() -> CercleDatabase.open(dir, TestData.CLOCK, otherKey))
                .isInstanceOf(WrongDatabaseKeyException.class);
        assertThatThrownBy(() -> CercleDatabase.open(dir, TestData.CLOCK))
                .isInstanceOf(fr.cercle.persistence.DatabaseUnreadableException.class);
        assertThat(Files.readAllBytes(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"))).isEqualTo(before);
    }

    @Test
    void theCopyTakenBeforeAnUpgradeIsEncryptedToo() throws Exception {
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(),
                KeyringTest.FAST);
        StaffMember claire = TestData.staff();
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, created.key())) {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS)
                    .save(TestData.beneficiary(claire.id()).lastName(MARKER).build(), claire.id());
        }
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, created.key(),
                java.util.List.of("classpath:db/migration", "classpath:db/test/upgrade"))) {
            assertThat(db.journal().count()).isEqualTo(2);
        }

        try (Stream<Path> backups = Files.list(dir.resolve(CercleDatabase.BACKUP_FOLDER))) {
            Path backup = backups.findFirst().orElseThrow();
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(backup))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    assertThat(contains(zip.readAllBytes(), MARKER.getBytes(StandardCharsets.UTF_8)))
                            .as("%s in the backup", entry.getName()).isFalse();
                }
            }
        }
    }

    @Test
    void anInstallationFromBeforeEncryptionIsEncryptedInPlaceWithEverythingKept() throws Exception {
        StaffMember claire = TestData.staff();
        Beneficiary zephyrine = TestData.beneficiary(claire.id()).lastName(MARKER).build();
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK)) {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).save(zephyrine, claire.id());
        }
        Files.createDirectories(dir.resolve(CercleDatabase.BACKUP_FOLDER));
        Files.write(dir.resolve(CercleDatabase.BACKUP_FOLDER).resolve("cercle-v3-before-upgrade-x.zip"),
                MARKER.getBytes(StandardCharsets.UTF_8));
        assertThat(DatabaseEncryption.needed(dir)).isTrue();

        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(),
                KeyringTest.FAST);
        DatabaseEncryption.encryptInPlace(dir, created.key());

        assertThat(DatabaseEncryption.needed(dir)).isFalse();
        assertThat(contains(Files.readAllBytes(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db")),
                MARKER.getBytes(StandardCharsets.UTF_8))).isFalse();
        try (Stream<Path> backups = Files.list(dir.resolve(CercleDatabase.BACKUP_FOLDER))) {
            assertThat(backups).as("plain copies from before").isEmpty();
        }
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, created.key())) {
            assertThat(new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).find(zephyrine.id()))
                    .contains(zephyrine);
            assertThat(db.journal().count()).isEqualTo(2);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
