package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.seal.EnrolmentCode;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator of the CCAS enrols this computer with the server of the territory, in the settings,
 * with the one-time code the server's administrator gave over the phone; a real server on loopback.
 */
@ExtendWith(ApplicationExtension.class)
class EnrolmentFlowTest {

    static final String NOT_ENROLLED = "Cet ordinateur n’est inscrit auprès d’aucun serveur. "
            + "Demandez un code d’inscription à l’administrateur du serveur.";

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    SyncFixtures.Central server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        app = TestApp.installed(dir.resolve("ccas"), TaskRunner.forJavaFx(), Language.FRENCH);
        server = SyncFixtures.server(dir.resolve("server"));
    }

    @AfterEach
    void close() {
        app.close();
        server.close();
    }

    void showSettings(FxRobot robot) {
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        robot.clickOn("#nav-settings");
        app.settle();
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    @Test
    void anAdministratorEnrolsThisComputerWithTheCodeOfTheServerAndItSyncs(FxRobot robot) {
        showSettings(robot);
        assertThat(text(robot, "#enrolmentStatus")).isEqualTo(NOT_ENROLLED);
        assertThat(robot.lookup("#enrolmentCode").queryAs(TextField.class).getPromptText()).isEqualTo("XXXX-XXXX-XXXX-XXXX");

        Ui.replace(robot, "#syncServer", server.uri().toString());
        Ui.type(robot, "#enrolmentCode", server.code(SyncFixtures.CCAS).toString());
        Ui.click(robot, "#enrol");
        app.settle();

        assertThat(text(robot, "#enrolmentStatus")).startsWith("Inscrit auprès de « Serveur de test » (" + server.uri()
                + ") pour CCAS de La Souterraine, le 25/11/2026. Empreinte du serveur : ")
                .endsWith(". Connexion chiffrée, certificat vérifié.");
        assertThat(text(robot, "#toast")).isEqualTo("Cet ordinateur est inscrit auprès de « Serveur de test ».");
        assertThat(robot.lookup("#enrolmentCode").queryAs(TextField.class).getText()).isEmpty();
        assertThat(visible(robot, "#enrolmentMessage")).isFalse();
        assertThat(Enrolment.read(app.db().localSettings())).isPresent();

        robot.clickOn("#nav-sync");
        app.settle();
        assertThat(text(robot, "#syncServer")).startsWith("Serveur : " + server.uri());
        robot.clickOn("#syncNow");
        app.settle();
        assertThat(text(robot, "#syncMessage")).isEqualTo("Synchronisation réussie : 2 modifications envoyées, aucune reçue.");
    }

    @Test
    void aWrongCodeShowsTheRefusalAndNothingIsStored(FxRobot robot) {
        showSettings(robot);
        Ui.replace(robot, "#syncServer", server.uri().toString());
        Ui.type(robot, "#enrolmentCode", "ABCD-EFGH");
        Ui.click(robot, "#enrol");
        app.settle();
        assertThat(robot.lookup("Un code a 16 lettres et chiffres, comme ABCD-EFGH-JKMN-PQRS.").tryQuery()).isPresent();

        Ui.replace(robot, "#enrolmentCode", EnrolmentCode.generate().toString());
        Ui.click(robot, "#enrol");
        app.settle();

        assertThat(text(robot, "#enrolmentMessage")).startsWith("Le serveur n’a pas accepté ce code : il a peut-être "
                + "été mal recopié, déjà utilisé, ou il a expiré.");
        assertThat(visible(robot, "#enrolmentMessage")).isTrue();
        assertThat(robot.lookup("Un code a 16 lettres et chiffres, comme ABCD-EFGH-JKMN-PQRS.").tryQuery()
                .map(n -> n.isVisible()).orElse(false)).isFalse();
        assertThat(text(robot, "#enrolmentStatus")).isEqualTo(NOT_ENROLLED);
        assertThat(Enrolment.read(app.db().localSettings())).isEmpty();
        assertThat(SyncSettings.read(app.db().localSettings())).isEqualTo(SyncSettings.NONE);
        assertThat(server.gateway().registry().devices()).isEmpty();
        assertThat(robot.listWindows()).hasSize(1);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings-enrolment-refused-fr"));
    }
}
