package fr.cercle.app.flow;

import fr.cercle.app.ChosenFiles;
import fr.cercle.app.Snapshots;
import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.access.AccessViewModel;
import fr.cercle.app.access.ScreenLock;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.instance.Arrivals;
import fr.cercle.app.instance.OpenRequest;
import fr.cercle.app.instance.SingleInstance;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.security.Keyring;
import javafx.scene.control.DialogPane;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cercle runs; a town-hall secretary double-clicks an exchange file a second time: the second launch
 * hands the file over a real loopback socket, and the running Cercle imports it in its sync area,
 * with the same report as the "import a file" button.
 */
@ExtendWith(ApplicationExtension.class)
class HandOverFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    SyncFixtures.Central server;
    CercleDatabase townHall;
    SingleInstance running;
    Arrivals arrivals;
    final StaffMember paul = SyncFixtures.paul();
    final ChosenFiles files = new ChosenFiles();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir.resolve("ccas"), TaskRunner.forJavaFx(), Language.FRENCH);
        server = SyncFixtures.server(dir.resolve("server"));
        townHall = SyncFixtures.townHall(dir.resolve("mairie"), Clock.offset(TestData.CLOCK, Duration.ofHours(1)), paul,
                server);
        SyncFixtures.enrolOffline(app, server);
        SingleInstance.Launch launch = SingleInstance.start(dir.resolve("ccas"), OpenRequest.front(), PATIENCE);
        running = ((SingleInstance.First) launch).instance();
        // What CercleApp does: a window shows at once (here, where the sign-in would be), then listens.
        robot.interact(() -> {
            TestApp.show(stage, new Label("Connexion"));
            arrivals = new Arrivals(stage, app.context().i18n());
        });
        running.listen(arrivals::arrived);
    }

    @AfterEach
    void close() {
        running.close();
        app.close();
        townHall.close();
        server.close();
    }

    MainWindow showMainWindow(FxRobot robot) {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(app.context().withFiles(files), other -> { });
            TestApp.show(stage, window[0].node());
            arrivals.mainWindowShown(window[0], app.context().i18n());
        });
        app.settle();
        return window[0];
    }

    /** A second launch of Cercle with this file, as the system starts it on a double-click. */
    SingleInstance.Launch secondLaunch(Path file) {
        SingleInstance.Launch launch = SingleInstance.start(dir.resolve("ccas"), OpenRequest.open(file), PATIENCE);
        WaitForAsyncUtils.waitForFxEvents();
        app.settle();
        return launch;
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void aBundleHandedToTheRunningCercleOpensItsImport(FxRobot robot) {
        Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
        Path incoming = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle"));
        showMainWindow(robot);
        robot.interact(() -> stage.setIconified(true));

        assertThat(secondLaunch(incoming)).isEqualTo(new SingleInstance.HandedOver(null));

        assertThat(stage.isIconified()).isFalse();
        assertThat(robot.lookup("#nav-sync").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier importé : 3 modifications enregistrées.");
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        @SuppressWarnings("unchecked")
        TableView<BeneficiaryRow> table = robot.lookup("#beneficiaryTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(row -> row.summary().fullName()).containsExactly(lucie.fullName());
    }

    @Test
    void aBundleHandedOverBeforeTheSignInIsImportedOnceSignedIn(FxRobot robot) {
        SyncFixtures.lucie(townHall, paul);
        Path incoming = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle"));

        assertThat(secondLaunch(incoming)).isEqualTo(new SingleInstance.HandedOver(null));
        assertThat(robot.lookup("#syncMessage").tryQuery()).isEmpty();

        showMainWindow(robot);
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier importé : 3 modifications enregistrées.");
    }

    @Test
    void aBundleHandedOverWhileTheScreenIsLockedWaitsForThePassword(FxRobot robot) {
        SyncFixtures.lucie(townHall, paul);
        Path incoming = SyncFixtures.export(townHall, server, app.db().deviceId(), dir.resolve("du-serveur.cercle"));
        Keyring.create(dir.resolve("keys"), "claire.martin", PASSWORD.toCharArray(), 1_000);
        AccessViewModel access = new AccessViewModel(dir.resolve("keys"), app.context().tasks(), app.context().i18n(),
                Clock.systemDefaultZone());
        showMainWindow(robot);
        ScreenLock[] lock = new ScreenLock[1];
        robot.interact(() -> {
            lock[0] = new ScreenLock(stage.getScene(), access, app.context().i18n(), "claire.martin", () -> Duration.ofHours(1));
            lock[0].lock();
        });

        assertThat(secondLaunch(incoming)).isEqualTo(new SingleInstance.HandedOver(null));
        assertThat(robot.lookup("#syncMessage").tryQuery()).as("nothing is imported behind the lock").isEmpty();

        robot.clickOn("#unlockPassword").write(PASSWORD);
        robot.clickOn("#unlock");
        Ui.waitUntil(() -> !lock[0].isLocked());
        app.settle();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Fichier importé : 3 modifications enregistrées.");
        robot.interact(() -> lock[0].stop());
    }

    @Test
    void aFileThatIsGoneIsNamedInAMessageAndNothingIsImported(FxRobot robot) {
        showMainWindow(robot);
        Path gone = dir.resolve("Téléchargements").resolve("pour-la-mairie.cercle");

        assertThat(secondLaunch(gone)).isEqualTo(new SingleInstance.HandedOver(OpenRequest.Problem.MISSING));

        DialogPane message = robot.lookup("#instanceFileProblem").queryAs(DialogPane.class);
        assertThat(message.getHeaderText()).isEqualTo("Ce fichier d’échange ne peut pas être importé");
        assertThat(message.getContentText()).isEqualTo("Le fichier « pour-la-mairie.cercle » est introuvable : il a "
                + "peut-être été déplacé ou supprimé.\nIl était attendu dans le dossier " + gone.getParent());
        robot.interact(() -> Snapshots.save(message, "instance-file-missing-fr"));
        assertThat(robot.lookup("#nav-sync").queryAs(ToggleButton.class).isSelected()).isFalse();
    }
}
