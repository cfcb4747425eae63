package fr.cercle.sync.server;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.backup.Backups;
import fr.cercle.persistence.backup.Restore;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation restored from a backup, with a real server: it comes back as a new device, so that
 * what it writes next is not taken by the server for changes it already has, and it gets back from
 * the server what it had sent after the backup was made.
 */
class RestoredInstallationSyncTest {

    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    @RegisterExtension
    final Opened opened = new Opened();
    final StaffMember claire = TestData.staff();

    @Test
    void aRestoredInstallationGetsBackItsLaterWorkAndItsNewWorkReachesTheOthers() throws Exception {
        TestServer server = opened.keep(TestServer.start(opened.keep(ServerBackends.open(
                ServerBackends.newDatabase(ServerBackends.Backend.H2, dir)))));
        Path townHallDir = dir.resolve("town-hall");
        DatabaseKey key = Keyring.create(townHallDir, "claire.martin", PASSWORD.toCharArray(), 1_000).key();
        CercleDatabase ccas = opened.keep(Installations.open(dir.resolve("ccas"), TestData.CLOCK));
        server.enrol(ccas, "CCAS de test");
        Path backup = dir.resolve("town-hall" + fr.cercle.persistence.backup.BackupFile.EXTENSION);
        Beneficiary jeanne;
        DeviceId before;
        try (CercleDatabase townHall = CercleDatabase.open(townHallDir, TestData.CLOCK, key)) {
            before = townHall.deviceId();
            server.enrol(townHall, "CCAS de test");
            jeanne = Installations.seed(townHall, claire);
            TestServer.sync(townHall);
            Backups.create(townHall, key, backup, share -> {
            });
            // After the backup: sent to the server, then the disk is lost.
            Installations.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
            assertThat(TestServer.sync(townHall).sent()).isEqualTo(1);
        }

        Restore.restore(backup, townHallDir, Restore.Credentials.account("claire.martin", PASSWORD.toCharArray()), TestData.CLOCK);

        try (CercleDatabase townHall = CercleDatabase.open(townHallDir, TestData.CLOCK, key)) {
            assertThat(townHall.deviceId()).isNotEqualTo(before);
            assertThat(Enrolment.read(townHall.localSettings())).as("enrolled again by its administrator").isEmpty();
            assertThat(Installations.beneficiaries(townHall).find(jeanne.id()).orElseThrow().status())
                    .isEqualTo(jeanne.status());
            server.enrol(townHall, "CCAS de test");

            SyncReport first = TestServer.sync(townHall);

            assertThat(Installations.beneficiaries(townHall).find(jeanne.id()).orElseThrow().status())
                    .as("the work sent after the backup comes back").isEqualTo(BeneficiaryStatus.PAUSED);
            assertThat(first.applied()).isPositive();

            Installations.beneficiaries(townHall).save(Installations.beneficiaries(townHall).find(jeanne.id()).orElseThrow()
                    .toBuilder().contact(new Contact("06 11 22 33 44", null)).build(), claire.id());
            assertThat(TestServer.sync(townHall).sent()).as("not mistaken for a change the server has").isPositive();
        }
        TestServer.sync(ccas);
        Beneficiary atTheCcas = Installations.beneficiaries(ccas).find(jeanne.id()).orElseThrow();
        assertThat(atTheCcas.contact().phone()).isEqualTo("06 11 22 33 44");
        assertThat(atTheCcas.status()).isEqualTo(BeneficiaryStatus.PAUSED);
    }
}
