package fr.cercle.app.sync;

import fr.cercle.app.AdjustableClock;
import fr.cercle.app.SyncFixtures;
import fr.cercle.app.SyncFixtures.TestServer;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.sync.SyncViewModel.Message;
import fr.cercle.app.sync.SyncViewModel.Tone;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync screen's words, on real installations and a real server on loopback, everything on the test's thread. */
class SyncViewModelTest {

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    final StaffMember paul = SyncFixtures.paul();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    TestApp app(Clock clock) {
        return keep(TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH, clock));
    }

    CercleDatabase townHall(Clock clock) {
        return keep(SyncFixtures.townHall(dir.resolve("mairie"), clock, paul));
    }

    @Test
    void withoutAServerTheScreenSaysSoAndFilesStillGoBothWays() throws Exception {
        TestApp app = app(TestData.CLOCK);
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();

        assertThat(model.serverSet().get()).isFalse();
        assertThat(model.serverText().get()).startsWith("Aucun serveur n’est indiqué pour ce poste");
        assertThat(model.lastSyncText().get()).isEqualTo("Ce poste n’a encore jamais été synchronisé avec le serveur.");
        assertThat(model.pendingText().get())
                .isEqualTo("2 modifications faites sur ce poste n’ont pas encore été reçues par le serveur.");
        assertThat(model.conflictsText().get()).isEqualTo("Aucun conflit à trancher.");
        assertThat(model.nextText().get()).isEmpty();
        assertThat(model.suggestedFileName()).isEqualTo("modifications-cercle-2026-11-25.cercle.gz");

        model.exportTo(dir.resolve("pour-la-mairie"));

        Path written = dir.resolve("pour-la-mairie.cercle.gz");
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.SUCCESS,
                "Fichier « pour-la-mairie.cercle.gz » enregistré, avec 2 modifications. Importez-le maintenant sur l’autre poste."));
        CercleDatabase townHall = townHall(TestData.CLOCK);
        assertThat(new BundleImport(townHall, BundleLimits.DEFAULT).importFile(written).applied()).isEqualTo(2);

        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        Path back = SyncFixtures.export(townHall, dir.resolve("de-la-mairie.cercle.gz"));
        long changes = app.context().sync().dataChangesProperty().get();
        model.importFrom(back);

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.SUCCESS,
                "Fichier importé : 3 modifications enregistrées."));
        assertThat(SyncFixtures.beneficiaries(app.db()).find(lucie.id())).contains(lucie);
        assertThat(app.context().sync().dataChangesProperty().get()).isGreaterThan(changes);

        model.importFrom(back);
        assertThat(model.messageProperty().get().text())
                .isEqualTo("Fichier importé : aucune nouvelle modification. 3 modifications étaient déjà sur ce poste.");
    }

    @Test
    void anExportOfNothingNewSaysSoAndOffersToExportEverything() {
        TestApp app = app(TestData.CLOCK);
        TestServer server = keep(TestServer.start(dir.resolve("server")));
        SyncFixtures.useServer(app, server.uri());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();
        model.syncNow();

        model.exportTo(dir.resolve("rien.cercle"));
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.INFO, "Fichier « rien.cercle » enregistré, "
                + "mais il ne contient aucune modification : le serveur a déjà reçu toutes celles de ce poste. "
                + "Pour tout exporter quand même, cochez la case ci-dessous."));

        model.exportAllProperty().set(true);
        model.exportTo(dir.resolve("tout.cercle"));
        assertThat(model.messageProperty().get().text()).startsWith("Fichier « tout.cercle » enregistré, avec 2 modifications.");
    }

    @Test
    void aSyncSaysWhatItExchangedAndWhenInPlainWords() {
        AdjustableClock clock = new AdjustableClock(TestData.CLOCK.instant(), TestData.CLOCK.getZone());
        TestApp app = app(clock);
        TestServer server = keep(TestServer.start(dir.resolve("server")));
        SyncFixtures.useServer(app, server.uri());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();
        assertThat(model.serverSet().get()).isTrue();
        assertThat(model.serverText().get()).isEqualTo("Serveur : " + server.uri()
                + ". Synchronisation automatique toutes les 15 minutes.");

        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.SUCCESS,
                "Synchronisation réussie : 2 modifications envoyées, aucune reçue."));
        assertThat(model.lastSyncText().get())
                .isEqualTo("Dernière synchronisation réussie : à l’instant (le 25/11/2026 à 11:00).");
        assertThat(model.pendingText().get()).isEqualTo("Le serveur a reçu toutes les modifications faites sur ce poste.");
        assertThat(model.syncingProperty().get()).isFalse();
        assertThat(model.progressText().get()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        model.tick();
        assertThat(model.lastSyncText().get())
                .isEqualTo("Dernière synchronisation réussie : il y a 5 minutes (le 25/11/2026 à 11:00).");
        clock.advance(Duration.ofHours(3));
        model.tick();
        assertThat(model.lastSyncText().get()).startsWith("Dernière synchronisation réussie : il y a 3 heures");
        clock.advance(Duration.ofDays(2));
        model.tick();
        assertThat(model.lastSyncText().get()).startsWith("Dernière synchronisation réussie : il y a 2 jours");

        CercleDatabase townHall = townHall(TestData.CLOCK);
        SyncFixtures.lucie(townHall, paul);
        SyncFixtures.sync(townHall, server);
        model.syncNow();
        assertThat(model.messageProperty().get().text())
                .isEqualTo("Synchronisation réussie : aucune modification envoyée, 3 reçues.");
    }

    @Test
    void conflictsWaitingAreCountedAfterASync() {
        TestApp app = app(TestData.CLOCK);
        TestServer server = keep(TestServer.start(dir.resolve("server")));
        SyncFixtures.useServer(app, server.uri());
        StaffMember claire = app.context().currentStaffProperty().get();
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
        SyncViewModel model = new SyncViewModel(app.context());
        model.syncNow();
        CercleDatabase townHall = townHall(Clock.offset(TestData.CLOCK, Duration.ofHours(1)));
        SyncFixtures.sync(townHall, server);

        SyncFixtures.beneficiaries(app.db()).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        SyncFixtures.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.CLOSED), paul.id());
        SyncFixtures.sync(townHall, server);
        model.syncNow();

        assertThat(model.hasConflicts().get()).isTrue();
        assertThat(model.conflictsText().get())
                .isEqualTo("1 conflit à trancher : deux postes ont modifié la même information.");
        assertThat(app.context().sync().statusProperty().get().conflicts()).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsSaidPlainlyAndNothingIsLost() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.useServer(app, SyncFixtures.unreachable());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();

        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Le serveur ne répond pas. Vos modifications sont gardées sur ce poste ; la synchronisation réessaiera."));
        assertThat(model.pendingText().get())
                .isEqualTo("2 modifications faites sur ce poste n’ont pas encore été reçues par le serveur.");
        assertThat(model.lastSyncText().get()).isEqualTo("Ce poste n’a encore jamais été synchronisé avec le serveur.");
        assertThat(SyncState.read(app.db().localSettings()).acknowledged()).isZero();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aDamagedFileIsRefusedInPlainWordsNamingItsLineAndNothingIsWritten() throws Exception {
        TestApp app = app(TestData.CLOCK);
        CercleDatabase townHall = townHall(TestData.CLOCK);
        SyncFixtures.lucie(townHall, paul);
        Path file = SyncFixtures.export(townHall, dir.resolve("mairie.cercle.gz"));
        byte[] whole = new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes();
        Path cut = Files.write(dir.resolve("coupe.cercle"), Arrays.copyOf(whole, whole.length - 20));
        long journal = app.db().journal().count();
        SyncViewModel model = new SyncViewModel(app.context());

        model.importFrom(cut);

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Ce fichier n’a pas été importé : il est incomplet, sa copie s’est sans doute interrompue. "
                        + "Copiez-le de nouveau, puis réessayez. Le problème se trouve à la ligne 4 du fichier. "
                        + "Rien n’a été modifié sur ce poste."));
        assertThat(app.db().journal().count()).isEqualTo(journal);

        model.importFrom(Files.writeString(dir.resolve("lettre.txt"), "Bonjour,\nvoici le fichier.\n"));
        assertThat(model.messageProperty().get().text()).isEqualTo("Ce fichier n’a pas été importé : ce n’est pas un "
                + "fichier d’échange Cercle, ou son contenu est illisible. Le problème se trouve à la ligne 1 du fichier. "
                + "Rien n’a été modifié sur ce poste.");

        model.importFrom(dir.resolve("absent.cercle.gz"));
        assertThat(model.messageProperty().get().text()).isEqualTo("Le fichier n’a pas pu être lu : il est peut-être "
                + "abîmé, ou la clé USB a été retirée. Rien n’a été modifié sur ce poste.");
    }

    @Test
    void theScreenSpeaksEnglishToo() {
        TestApp app = keep(TestApp.installed(dir.resolve("en"), TaskRunner.direct(), Language.ENGLISH));
        SyncFixtures.useServer(app, SyncFixtures.unreachable());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();
        model.syncNow();

        assertThat(model.messageProperty().get().text())
                .isEqualTo("The server does not answer. Your changes are kept on this computer; the sync will try again.");
        assertThat(model.pendingText().get()).isEqualTo("2 changes made on this computer have not reached the server yet.");
        assertThat(model.lastSyncText().get()).isEqualTo("This computer has never been synced with the server yet.");
    }
}
