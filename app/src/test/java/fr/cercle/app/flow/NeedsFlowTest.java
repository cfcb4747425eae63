package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.need.NeedsViewModel;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker opens a person's file, records a need, finds the helpers who could meet it ranked with
 * their reasons, chooses one, and sees them as the person's helper. Pictures of the section on the way.
 */
@ExtendWith(ApplicationExtension.class)
class NeedsFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    Beneficiary jeanne;
    Helper karim;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** Jeanne's file and three helpers: one near, one far, one without a valid background check. */
    void open(FxRobot robot, Language language) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), language);
        StaffId author = app.context().author();
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
        app.context().helpers().save(TestData.helper().firstName("Luc").lastName("Bernard")
                .commune(new InseeCode("87085")).languages(Set.of("fr", "pt")).availability(Set.of())
                .maxCommitments(3).build(), author);
        app.context().helpers().save(TestData.helper().firstName("Sam").lastName("Petit")
                .backgroundCheck(BackgroundCheck.NOT_REQUESTED).build(), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        robot.doubleClickOn("Martin");
        app.settle();
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), name));
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    List<String> candidateNames(FxRobot robot) {
        return robot.lookup(".candidate").queryAll().stream()
                .map(n -> ((NeedsViewModel.CandidateRow) n.getUserData()).name()).toList();
    }

    boolean shown(FxRobot robot, String text) {
        return robot.lookup(text).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    void recordAVisitNeedingACheck(FxRobot robot, String kind, String frequency) {
        robot.clickOn("#newNeed");
        app.settle();
        Ui.choose(robot, "#needKind", kind);
        Ui.choose(robot, "#needFrequency", frequency);
        Ui.click(robot, "#needSlot-TUESDAY_AFTERNOON");
        Ui.click(robot, "#needBackgroundCheck");
    }

    @Test
    void recordANeedFindHelpersAndChooseOne(FxRobot robot) {
        open(robot, Language.FRENCH);
        assertThat(text(robot, "#formTitle")).isEqualTo("Jeanne Martin");
        assertThat(shown(robot, "Besoins et aidants")).isTrue();
        assertThat(text(robot, "#needsEmpty")).startsWith("Aucun besoin enregistré pour cette personne.");
        snapshot(robot, "needs-empty-fr");

        robot.clickOn("#newNeed");
        app.settle();
        Ui.click(robot, "#saveNeed");
        app.settle();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList()).contains("Ce champ est obligatoire.");
        assertThat(app.context().needs().ofFile(jeanne.id())).isEmpty();

        Ui.choose(robot, "#needKind", "Visites de convivialité");
        Ui.choose(robot, "#needFrequency", "Chaque semaine");
        Ui.click(robot, "#needSlot-TUESDAY_AFTERNOON");
        Ui.click(robot, "#needBackgroundCheck");
        snapshot(robot, "needs-new-fr");
        Ui.click(robot, "#saveNeed");
        app.settle();

        Need need = app.context().needs().ofFile(jeanne.id()).get(0);
        assertThat(need.kind()).isEqualTo(NeedKind.VISIT);
        assertThat(need.backgroundCheckRequired()).isTrue();
        assertThat(shown(robot, "Sans aidant depuis le 25/11/2026 (ouvert aujourd’hui)")).isTrue();

        Ui.click(robot, "#findHelpers");
        app.settle();
        assertThat(candidateNames(robot)).as("Sam Petit has no valid check, which this need requires")
                .containsExactly("Karim Benali", "Luc Bernard");
        assertThat(shown(robot, "Sait faire : Visites de convivialité — Manque : —")).isTrue();
        assertThat(shown(robot, "Habite la même commune")).isTrue();
        assertThat(shown(robot, "Habite plus loin")).isTrue();
        assertThat(shown(robot, "Disponible : mardi après-midi")).isTrue();
        assertThat(shown(robot, "Parle : arabe, français")).isTrue();
        assertThat(shown(robot, "Parle : français, portugais")).isTrue();
        snapshot(robot, "needs-candidates-fr");

        robot.clickOn(robot.lookup("#assign").queryAll().iterator().next());
        app.settle();

        assertThat(text(robot, "#needsNotice")).isEqualTo("Karim Benali est désormais l’aidant de ce besoin.");
        assertThat(shown(robot, "Aidant : Karim Benali, depuis le 25/11/2026 (trouvé en moins d’un jour)")).isTrue();
        assertThat(shown(robot, "Aidant trouvé")).isTrue();
        assertThat(robot.lookup("#findHelpers").tryQuery()).isEmpty();
        Need matched = app.context().needs().find(need.id()).orElseThrow();
        assertThat(matched.status()).isEqualTo(NeedStatus.MATCHED);
        assertThat(matched.helper()).isEqualTo(karim.id());
        snapshot(robot, "needs-matched-fr");
    }

    @Test
    void inEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH);
        assertThat(text(robot, "#needsEmpty")).startsWith("No need recorded for this person.");
        snapshot(robot, "needs-empty-en");
        recordAVisitNeedingACheck(robot, "Friendly visits", "Every week");
        Ui.click(robot, "#saveNeed");
        app.settle();
        Ui.click(robot, "#findHelpers");
        app.settle();
        assertThat(candidateNames(robot)).containsExactly("Karim Benali", "Luc Bernard");
        assertThat(shown(robot, "Available: Tuesday afternoon")).isTrue();
        assertThat(shown(robot, "Speaks: Arabic, French")).isTrue();
        snapshot(robot, "needs-candidates-en");
        robot.clickOn(robot.lookup("#assign").queryAll().iterator().next());
        app.settle();
        assertThat(shown(robot, "Helper: Karim Benali, since 25/11/2026 (found in less than a day)")).isTrue();
        snapshot(robot, "needs-matched-en");
    }
}
