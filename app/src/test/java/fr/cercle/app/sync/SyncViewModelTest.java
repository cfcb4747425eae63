package fr.cercle.app.sync;

import fr.cercle.app.AdjustableClock;
import fr.cercle.app.SyncFixtures;
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
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
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

/**
 * The sync screen's words, on real installations enrolled with a real server on loopback, everything
 * on the test's thread.
 */
class SyncViewModelTest {

    static final String NOTHING_CHANGED = " Rien n’a été modifié sur ce poste.";

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

    SyncFixtures.Central server() {
        return keep(SyncFixtures.server(dir.resolve("server")));
    }

    CercleDatabase townHall(Clock clock, SyncFixtures.Central server) {
        return keep(SyncFixtures.townHall(dir.resolve("mairie"), clock, paul, server));
    }

    @Test
    void withoutAServerTheScreenSaysSoAndFilesStillGoBothWaysThroughTheServer() throws Exception {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        SyncFixtures.enrolOffline(app, server);
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();

        assertThat(model.serverSet().get()).isFalse();
        assertThat(model.serverText().get()).startsWith("Aucun serveur n’est indiqué pour ce poste");
        assertThat(model.lastSyncText().get()).isEqualTo("Ce poste n’a encore jamais été synchronisé avec le serveur.");
        assertThat(model.pendingText().get())
                .isEqualTo("2 modifications faites sur ce poste n’ont pas encore été reçues par le serveur.");
        assertThat(model.conflictsText().get()).isEqualTo("Aucun conflit à trancher.");
        assertThat(model.nextText().get()).isEmpty();
        assertThat(model.suggestedFileName()).isEqualTo("modifications-cercle-2026-11-25.cercle");

        model.exportTo(dir.resolve("pour-le-serveur"));

        Path written = dir.resolve("pour-le-serveur.cercle");
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.SUCCESS,
                "Fichier « pour-le-serveur.cercle » enregistré, avec 2 modifications. "
                        + "Remettez-le maintenant à l’administrateur du serveur."));
        assertThat(server.gateway().receive(written).appended()).isEqualTo(2);

        CercleDatabase townHall = townHall(TestData.CLOCK, server);
        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        Path back = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle.gz"));
        long changes = app.context().sync().dataChangesProperty().get();
        model.importFrom(back);

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.SUCCESS,
                "Fichier importé : 3 modifications enregistrées."));
        assertThat(SyncFixtures.beneficiaries(app.db()).find(lucie.id())).contains(lucie);
        assertThat(app.context().sync().dataChangesProperty().get()).isGreaterThan(changes);

        Path again = SyncFixtures.fromServer(server, app.db().deviceId(), dir.resolve("encore.cercle.gz"));
        model.importFrom(again);
        assertThat(model.messageProperty().get().text())
                .isEqualTo("Fichier importé : aucune nouvelle modification. 3 modifications étaient déjà sur ce poste.");
    }

    @Test
    void aFileImportedTwiceIsRefusedAsAlreadyImported() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        SyncFixtures.enrolOffline(app, server);
        CercleDatabase townHall = townHall(TestData.CLOCK, server);
        SyncFixtures.lucie(townHall, paul);
        Path file = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle.gz"));
        SyncViewModel model = new SyncViewModel(app.context());
        model.importFrom(file);
        assertThat(model.messageProperty().get().tone()).isEqualTo(Tone.SUCCESS);
        long journal = app.db().journal().count();
        long changes = app.context().sync().dataChangesProperty().get();

        model.importFrom(file);

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Ce fichier a déjà été importé." + NOTHING_CHANGED));
        assertThat(app.db().journal().count()).isEqualTo(journal);
        assertThat(app.context().sync().dataChangesProperty().get()).isEqualTo(changes);
    }

    @Test
    void aFileForAnotherComputerOrFromAnotherServerIsRefused() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        // Enrolled first with another server, which prepares a file for this computer...
        SyncFixtures.Central other = keep(SyncFixtures.server(dir.resolve("autre-serveur")));
        other.enrol(app);
        Path fromOther = SyncFixtures.fromServer(other, app.db().deviceId(), dir.resolve("autre.cercle.gz"));
        // ...then enrolled again, with a new code, with the server of its territory.
        SyncFixtures.enrolOffline(app, server);
        CercleDatabase townHall = townHall(TestData.CLOCK, server);
        SyncFixtures.lucie(townHall, paul);
        Path forTownHall = SyncFixtures.export(townHall, server, townHall.deviceId(), dir.resolve("mairie.cercle.gz"));
        long journal = app.db().journal().count();
        SyncViewModel model = new SyncViewModel(app.context());

        model.importFrom(forTownHall);
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Ce fichier a été préparé pour un autre ordinateur." + NOTHING_CHANGED));

        model.importFrom(fromOther);
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Ce fichier ne vient pas du serveur auquel cet ordinateur est inscrit." + NOTHING_CHANGED));
        assertThat(app.db().journal().count()).isEqualTo(journal);
    }

    @Test
    void anExportOfNothingNewSaysSoAndOffersToExportEverything() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        server.enrol(app);
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
        SyncFixtures.Central server = server();
        server.enrol(app);
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

        CercleDatabase townHall = townHall(TestData.CLOCK, server);
        SyncFixtures.lucie(townHall, paul);
        SyncFixtures.sync(townHall);
        model.syncNow();
        assertThat(model.messageProperty().get().text())
                .isEqualTo("Synchronisation réussie : aucune modification envoyée, 3 reçues.");
    }

    @Test
    void conflictsWaitingAreCountedAfterASync() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        server.enrol(app);
        StaffMember claire = app.context().currentStaffProperty().get();
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
        SyncViewModel model = new SyncViewModel(app.context());
        model.syncNow();
        CercleDatabase townHall = townHall(Clock.offset(TestData.CLOCK, Duration.ofHours(1)), server);
        SyncFixtures.sync(townHall);

        SyncFixtures.beneficiaries(app.db()).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        SyncFixtures.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.CLOSED), paul.id());
        SyncFixtures.sync(townHall);
        model.syncNow();

        assertThat(model.hasConflicts().get()).isTrue();
        assertThat(model.conflictsText().get())
                .isEqualTo("1 conflit à trancher : deux postes ont modifié la même information.");
        assertThat(app.context().sync().statusProperty().get().conflicts()).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsSaidPlainlyAndNothingIsLost() {
        TestApp app = app(TestData.CLOCK);
        server().enrol(app);
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
    void withoutAnEnrolmentNothingIsExchangedAndTheScreenSaysWhy() throws Exception {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        SyncFixtures.useServer(app, server.uri());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();

        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Cet ordinateur n’est inscrit auprès d’aucun serveur : il ne peut pas se synchroniser. Un administrateur "
                        + "l’inscrit dans les paramètres, avec le code d’inscription que donne l’administrateur du serveur. "
                        + "Vos modifications sont gardées sur cet ordinateur."));
        assertThat(app.context().sync().lastOutcomeProperty().get().problem()).isEqualTo(SyncProblem.NOT_ENROLLED);
        assertThat(model.pendingText().get())
                .isEqualTo("2 modifications faites sur ce poste n’ont pas encore été reçues par le serveur.");
        assertThat(server.gateway().registry().devices()).isEmpty();

        model.exportTo(dir.resolve("pour-le-serveur"));
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Le fichier n’a pas été enregistré : cet ordinateur n’est inscrit auprès d’aucun serveur, et un fichier "
                        + "d’échange est chiffré pour le serveur. Un administrateur inscrit cet ordinateur dans les "
                        + "paramètres, avec le code d’inscription que donne l’administrateur du serveur."));
        assertThat(dir.resolve("pour-le-serveur.cercle")).doesNotExist();
        assertThat(model.busyProperty().get()).isFalse();

        model.importFrom(Files.writeString(dir.resolve("fichier.cercle"), "{}"));
        assertThat(model.messageProperty().get().text()).startsWith("Ce fichier n’a pas été importé : cet ordinateur "
                + "n’est inscrit auprès d’aucun serveur").endsWith(NOTHING_CHANGED);
    }

    @Test
    void aRevokedComputerIsToldItNoLongerSyncs() {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        server.enrol(app);
        SyncViewModel model = new SyncViewModel(app.context());
        model.syncNow();
        assertThat(model.messageProperty().get().tone()).isEqualTo(Tone.SUCCESS);
        StaffMember claire = app.context().currentStaffProperty().get();
        SyncFixtures.beneficiaries(app.db()).save(TestData.beneficiary(claire.id()).build(), claire.id());

        assertThat(server.gateway().registry().revoke(app.db().deviceId())).isTrue();
        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Cet ordinateur a été retiré du serveur par son administrateur : il ne se synchronise plus. "
                        + "Adressez-vous à lui."));
        assertThat(app.context().sync().lastOutcomeProperty().get().problem()).isEqualTo(SyncProblem.REVOKED);
        assertThat(model.pendingText().get())
                .isEqualTo("1 modification faite sur ce poste n’a pas encore été reçue par le serveur.");
    }

    @Test
    void aDamagedFileIsRefusedInPlainWordsAndNothingIsWritten() throws Exception {
        TestApp app = app(TestData.CLOCK);
        SyncFixtures.Central server = server();
        SyncFixtures.enrolOffline(app, server);
        CercleDatabase townHall = townHall(TestData.CLOCK, server);
        SyncFixtures.lucie(townHall, paul);
        Path file = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle.gz"));
        byte[] whole = Files.readAllBytes(file);
        long journal = app.db().journal().count();
        SyncViewModel model = new SyncViewModel(app.context());

        byte[] altered = whole.clone();
        altered[whole.length - 100] ^= 0x01; // in the encrypted content, before the signature at the end
        model.importFrom(Files.write(dir.resolve("modifie.cercle.gz"), altered));
        assertThat(model.messageProperty().get()).isEqualTo(new Message(Tone.DANGER,
                "Ce fichier a été modifié ou abîmé depuis qu’il a été préparé : il est refusé. "
                        + "Demandez un nouveau fichier à l’administrateur du serveur." + NOTHING_CHANGED));

        model.importFrom(Files.write(dir.resolve("coupe.cercle.gz"), Arrays.copyOf(whole, 40)));
        assertThat(model.messageProperty().get().text()).isEqualTo("Ce fichier n’a pas été importé : il est incomplet, "
                + "sa copie s’est sans doute interrompue. Copiez-le de nouveau, puis réessayez." + NOTHING_CHANGED);

        model.importFrom(Files.writeString(dir.resolve("lettre.txt"), "Bonjour,\nvoici le fichier.\n"));
        assertThat(model.messageProperty().get().text()).isEqualTo("Ce fichier n’est pas chiffré : seuls les fichiers "
                + "que le serveur a préparés pour cet ordinateur sont acceptés." + NOTHING_CHANGED);

        model.importFrom(dir.resolve("absent.cercle.gz"));
        assertThat(model.messageProperty().get().text()).isEqualTo("Le fichier n’a pas pu être lu : il est peut-être "
                + "abîmé, ou la clé USB a été retirée. Rien n’a été modifié sur ce poste.");
        assertThat(app.db().journal().count()).isEqualTo(journal);

        // A problem inside the opened file names its line.
        assertThat(model.imported(ImportResult.refused(new BundleException(BundleException.Problem.TRUNCATED, 4, "cut"))))
                .isEqualTo(new Message(Tone.DANGER, "Ce fichier n’a pas été importé : il est incomplet, sa copie s’est "
                        + "sans doute interrompue. Copiez-le de nouveau, puis réessayez. Le problème se trouve à la "
                        + "ligne 4 du fichier." + NOTHING_CHANGED));
    }

    @Test
    void theScreenSpeaksEnglishToo() {
        TestApp app = keep(TestApp.installed(dir.resolve("en"), TaskRunner.direct(), Language.ENGLISH));
        SyncFixtures.useServer(app, SyncFixtures.unreachable());
        SyncViewModel model = new SyncViewModel(app.context());
        model.refresh();
        model.syncNow();
        assertThat(model.messageProperty().get().text()).isEqualTo("This computer is not enrolled with any server: "
                + "it cannot sync. An administrator enrols it in the settings, with the enrolment code the server’s "
                + "administrator gives. Your changes are kept on this computer.");

        server().enrol(app.db(), SyncFixtures.CCAS);
        SyncFixtures.useServer(app, SyncFixtures.unreachable());
        model.refresh();
        model.syncNow();

        assertThat(model.messageProperty().get().text())
                .isEqualTo("The server does not answer. Your changes are kept on this computer; the sync will try again.");
        assertThat(model.pendingText().get()).isEqualTo("2 changes made on this computer have not reached the server yet.");
        assertThat(model.lastSyncText().get()).isEqualTo("This computer has never been synced with the server yet.");
    }
}
