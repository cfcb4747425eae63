package fr.cercle.app.flow;

import fr.cercle.app.ChosenFiles;
import fr.cercle.app.Snapshots;
import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.client.SyncSettings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker of the CCAS (the client) and a town hall (a second installation, in its own database),
 * both enrolled with a real central server on loopback, exchange their changes through it: over the
 * network, and through files the server seals for each.
 */
@ExtendWith(ApplicationExtension.class)
class SyncFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    SyncFixtures.Central server;
    CercleDatabase townHall;
    final StaffMember paul = SyncFixtures.paul();
    final ChosenFiles files = new ChosenFiles();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        app = TestApp.installed(dir.resolve("ccas"), TaskRunner.forJavaFx(), Language.FRENCH);
        server = SyncFixtures.server(dir.resolve("server"));
        // The town hall's edits come an hour later: its values are the ones in force.
        townHall = SyncFixtures.townHall(dir.resolve("mairie"), Clock.offset(TestData.CLOCK, Duration.ofHours(1)), paul,
                server);
    }

    @AfterEach
    void close() {
        app.close();
        townHall.close();
        server.close();
    }

    /** The main window, on the people list. */
    void showMainWindow(FxRobot robot) {
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context().withFiles(files), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
    }

    void goTo(FxRobot robot, String entry) {
        robot.clickOn(entry);
        app.settle();
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    @SuppressWarnings("unchecked")
    List<String> beneficiaryNames(FxRobot robot) {
        TableView<BeneficiaryRow> table = robot.lookup("#beneficiaryTable").queryAs(TableView.class);
        return table.getItems().stream().map(row -> row.summary().fullName()).toList();
    }

    @Test
    void syncNowBringsTheTownHallsPersonIntoTheList(FxRobot robot) {
        server.enrol(app);
        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        SyncFixtures.sync(townHall);
        showMainWindow(robot);
        assertThat(beneficiaryNames(robot)).isEmpty();

        goTo(robot, "#nav-sync");
        assertThat(text(robot, "#syncServer")).startsWith("Serveur : https://127.0.0.1:");
        assertThat(text(robot, "#syncLast")).isEqualTo("Ce poste n’a encore jamais été synchronisé avec le serveur.");
        robot.clickOn("#syncNow");
        app.settle();

        assertThat(text(robot, "#syncMessage")).isEqualTo("Synchronisation réussie : 2 modifications envoyées, 3 reçues.");
        assertThat(text(robot, "#syncLast")).isEqualTo("Dernière synchronisation réussie : à l’instant (le 25/11/2026 à 11:00).");
        assertThat(text(robot, "#syncPending")).isEqualTo("Le serveur a reçu toutes les modifications faites sur ce poste.");
        assertThat(visible(robot, "#syncCancel")).isFalse();

        goTo(robot, "#nav-beneficiaries");
        assertThat(beneficiaryNames(robot)).containsExactly(lucie.fullName());
    }

    @Test
    void aConflictFromConcurrentEditsIsSettledOnTheConflictsScreen(FxRobot robot) {
        server.enrol(app);
        StaffMember claire = app.context().currentStaffProperty().get();
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
        SyncFixtures.sync(app.db());
        SyncFixtures.sync(townHall);
        SyncFixtures.beneficiaries(app.db()).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        SyncFixtures.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.CLOSED), paul.id());
        SyncFixtures.sync(townHall);
        showMainWindow(robot);
        assertThat(visible(robot, "#syncBadge")).isFalse();

        goTo(robot, "#nav-sync");
        robot.clickOn("#syncNow");
        app.settle();

        assertThat(text(robot, "#syncConflicts")).isEqualTo("1 conflit à trancher : deux postes ont modifié la même information.");
        assertThat(text(robot, "#syncBadge")).isEqualTo("1 conflit");
        robot.clickOn("#openConflicts");
        app.settle();
        assertThat(robot.lookup("Jeanne Martin — Personne accompagnée").tryQuery()).isPresent();
        assertThat(robot.lookup("Statut : deux valeurs différentes ont été enregistrées. Laquelle garder ?").tryQuery()).isPresent();
        assertThat(robot.lookup("Le 25/11/2026 à 12:00, par Paul Durand").tryQuery()).isPresent();
        assertThat(robot.lookup("Le 25/11/2026 à 11:00, par Claire Moreau").tryQuery()).isPresent();
        Node other = robot.lookup("#keep-0-0").query().getParent();
        Node here = robot.lookup("#keep-0-1").query().getParent();
        assertThat(robot.from(other).lookup("Sur un autre poste").tryQuery()).isPresent();
        assertThat(robot.from(other).lookup("Clos").tryQuery()).isPresent();
        assertThat(robot.from(here).lookup("Sur ce poste").tryQuery()).isPresent();
        assertThat(robot.from(here).lookup("En pause").tryQuery()).isPresent();

        robot.clickOn("#keep-0-1");
        app.settle();

        assertThat(SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow().status())
                .isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(app.context().conflicts().all()).isEmpty();
        assertThat(visible(robot, "#conflictsEmpty")).isTrue();
        assertThat(robot.lookup("Aucun conflit à trancher.").tryQuery()).isPresent();
        assertThat(visible(robot, "#syncBadge")).isFalse();
        assertThat(text(robot, "#toast")).isEqualTo("Statut de Jeanne Martin : la valeur choisie est enregistrée.");

        robot.clickOn("#conflictsBack");
        app.settle();
        assertThat(text(robot, "#syncConflicts")).isEqualTo("Aucun conflit à trancher.");
        assertThat(text(robot, "#syncPending")).isEqualTo(
                "1 modification faite sur ce poste n’a pas encore été reçue par le serveur.");
    }

    @Test
    void anOpenFormFollowsASyncAndKeepsWhatThePersonTyped(FxRobot robot) {
        server.enrol(app);
        StaffMember claire = app.context().currentStaffProperty().get();
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
        SyncFixtures.sync(app.db());
        SyncFixtures.sync(townHall);
        SyncFixtures.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), paul.id());
        SyncFixtures.sync(townHall);
        showMainWindow(robot);
        robot.doubleClickOn("Martin");
        app.settle();
        Ui.replace(robot, "#" + Beneficiary.PHONE, "06 11 22 33 44");

        goTo(robot, "#nav-sync");
        robot.clickOn("#syncNow");
        app.settle();
        goTo(robot, "#nav-beneficiaries");

        assertThat(robot.lookup("#" + Beneficiary.STATUS).queryComboBox().getValue()).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(robot.lookup("#" + Beneficiary.PHONE).queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("06 11 22 33 44");
        robot.clickOn("#save");
        app.settle();
        Beneficiary stored = SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(stored.contact().phone()).isEqualTo("06 11 22 33 44");
    }

    @Test
    void anUnreachableServerIsSaidPlainlyWithoutADialog(FxRobot robot) {
        server.enrol(app);
        SyncFixtures.useServer(app, SyncFixtures.unreachable());
        showMainWindow(robot);
        goTo(robot, "#nav-sync");

        robot.clickOn("#syncNow");
        app.settle();

        assertThat(text(robot, "#syncMessage")).isEqualTo(
                "Le serveur ne répond pas. Vos modifications sont gardées sur ce poste ; la synchronisation réessaiera.");
        assertThat(text(robot, "#syncPending")).isEqualTo(
                "2 modifications faites sur ce poste n’ont pas encore été reçues par le serveur.");
        assertThat(robot.listWindows()).hasSize(1);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "sync-unreachable-fr"));
    }

    @Test
    void theAutomaticSyncRunsInTheBackgroundAndStaysQuietWhenTheServerDoesNotAnswer(FxRobot robot) {
        server.enrol(app);
        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        SyncFixtures.sync(townHall);
        showMainWindow(robot);

        robot.interact(() -> app.context().sync().startAutomatic());
        Ui.waitUntil(() -> beneficiaryNames(robot).contains(lucie.fullName()));

        goTo(robot, "#nav-settings");
        Ui.replace(robot, "#syncServer", SyncFixtures.unreachable().toString());
        Ui.replace(robot, "#syncInterval", "30");
        robot.clickOn("#saveSync");
        Ui.waitUntil(() -> app.context().sync().lastOutcomeProperty().get() != null
                && !app.context().sync().lastOutcomeProperty().get().succeeded());
        app.settle();
        goTo(robot, "#nav-sync");

        assertThat(text(robot, "#syncMessage")).isEqualTo("Synchronisation automatique de 11:00 : Le serveur ne répond pas. "
                + "Vos modifications sont gardées sur ce poste ; la synchronisation réessaiera.");
        assertThat(text(robot, "#syncNext")).isEqualTo("Prochaine synchronisation automatique à 11:30.");
        assertThat(robot.listWindows()).hasSize(1);
        assertThat(SyncSettings.read(app.db().localSettings()).intervalMinutes()).isEqualTo(30);
    }

    @Test
    void aStopEndsASyncThatWaitsForTheServer(FxRobot robot) throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, and never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            server.enrol(app);
            SyncFixtures.useServer(app, URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"));
            showMainWindow(robot);
            goTo(robot, "#nav-sync");

            robot.clickOn("#syncNow");
            Ui.waitUntil(() -> visible(robot, "#syncCancel"));
            assertThat(text(robot, "#syncStep")).isEqualTo("Connexion au serveur…");
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "sync-under-way-fr"));
            robot.clickOn("#syncCancel");
            app.settle();

            assertThat(text(robot, "#syncMessage")).isEqualTo("Synchronisation arrêtée. Ce qui a déjà été reçu est gardé ; "
                    + "le reste sera échangé à la prochaine synchronisation.");
            assertThat(visible(robot, "#syncCancel")).isFalse();
            assertThat(robot.lookup("#syncNow").query().isDisabled()).isFalse();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void withoutAnEnrolmentASyncSaysSoInPlainWords(FxRobot robot) {
        SyncFixtures.useServer(app, server.uri());
        showMainWindow(robot);
        goTo(robot, "#nav-sync");

        robot.clickOn("#syncNow");
        app.settle();

        assertThat(text(robot, "#syncMessage")).isEqualTo("Cet ordinateur n’est inscrit auprès d’aucun serveur : il ne "
                + "peut pas se synchroniser. Un administrateur l’inscrit dans les paramètres, avec le code d’inscription "
                + "que donne l’administrateur du serveur. Vos modifications sont gardées sur cet ordinateur.");
        assertThat(server.gateway().registry().devices()).extracting(d -> d.id()).containsExactly(townHall.deviceId());
        assertThat(robot.listWindows()).hasSize(1);
    }

    @Test
    void withoutAServerFilesGoBothWaysThroughTheServer(FxRobot robot) throws Exception {
        SyncFixtures.enrolOffline(app, server);
        showMainWindow(robot);
        goTo(robot, "#nav-sync");
        assertThat(text(robot, "#syncServer")).startsWith("Aucun serveur n’est indiqué pour ce poste");
        assertThat(visible(robot, "#syncNow")).isFalse();
        assertThat(visible(robot, "#syncOpenSettings")).isTrue();

        Path outgoing = dir.resolve("pour-le-serveur.cercle.gz");
        files.choose(outgoing);
        robot.clickOn("#exportFile");
        app.settle();
        assertThat(files.lastSuggestedName()).isEqualTo("modifications-cercle-2026-11-25.cercle");
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier « pour-le-serveur.cercle.gz » enregistré, avec "
                + "2 modifications. Remettez-le maintenant à l’administrateur du serveur.");
        assertThat(server.gateway().receive(outgoing).appended()).isEqualTo(2);

        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        Path incoming = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle.gz"));
        files.choose(incoming);
        robot.clickOn("#importFile");
        app.settle();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier importé : 3 modifications enregistrées.");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "sync-file-imported-fr"));

        goTo(robot, "#nav-beneficiaries");
        assertThat(beneficiaryNames(robot)).containsExactly(lucie.fullName());

        goTo(robot, "#nav-sync");
        files.choose(incoming);
        robot.clickOn("#importFile");
        app.settle();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Ce fichier a déjà été importé. Rien n’a été modifié sur ce poste.");

        robot.clickOn("#syncOpenSettings");
        app.settle();
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#syncServer").query().getScene()).isNotNull();
    }

    @Test
    void aBundleDoubleClickedOpensTheSyncAreaAndImportsIt(FxRobot robot) {
        SyncFixtures.enrolOffline(app, server);
        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        Path incoming = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle"));
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(app.context().withFiles(files), other -> { });
            TestApp.show(stage, window[0].node());
        });
        app.settle();

        // What CercleApp does after the sign-in when the system passed a file (the installers' file association).
        robot.interact(() -> window[0].importBundle(incoming));
        app.settle();

        assertThat(robot.lookup("#nav-sync").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier importé : 3 modifications enregistrées.");
        goTo(robot, "#nav-beneficiaries");
        assertThat(beneficiaryNames(robot)).containsExactly(lucie.fullName());
    }
}
