package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.helper.HelperRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A caseworker registers a helper through the form, finds them by search, edits them, and meets the form's errors. */
@ExtendWith(ApplicationExtension.class)
class HelperFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        robot.clickOn("#nav-helpers");
        app.settle();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    TableView<HelperRow> table(FxRobot robot) {
        return robot.lookup("#helperTable").queryAs(TableView.class);
    }

    String errorUnder(FxRobot robot, String field) {
        return robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getParent().getChildrenUnmodifiable().get(0).lookup("#" + field) != null)
                .map(Label::getText).findFirst().orElse("");
    }

    /** Types the start of a commune, waits for the suggestions, takes the first with Enter. */
    void chooseCommune(FxRobot robot, String typed) {
        Ui.type(robot, "#" + Helper.COMMUNE, typed);
        Ui.waitUntil(() -> robot.lookup(".commune-suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.type(KeyCode.ENTER);
        app.settle();
    }

    /** Opens the list of languages, ticks one, and closes the list by clicking away from it. */
    void addLanguage(FxRobot robot, String language) {
        Ui.click(robot, "#" + Helper.LANGUAGES);
        robot.clickOn(language);
        robot.clickOn("#formTitle");
    }

    boolean visible(FxRobot robot, String text) {
        return robot.lookup(text).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    @Test
    void anEmptyFormSaysWhatToFixNextToEachFieldAndSavesNothing(FxRobot robot) {
        long journalled = app.db().journal().count();
        robot.clickOn("#helperNew");
        app.settle();

        robot.clickOn("#save");
        app.settle();

        assertThat(robot.lookup("#errorSummary").queryAs(Label.class).getText())
                .isEqualTo("4 champs sont à corriger : voir les messages sous les champs.");
        assertThat(errorUnder(robot, Helper.FIRST_NAME)).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorUnder(robot, Helper.LAST_NAME)).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorUnder(robot, Helper.PHONE)).isEqualTo("Indiquez un téléphone ou un courriel.");
        assertThat(errorUnder(robot, Helper.COMMUNE)).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorUnder(robot, Helper.STATUS)).isEmpty();
        assertThat(robot.lookup("#" + Helper.FIRST_NAME).query().isFocused()).isTrue();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helper-form-errors-fr"));

        Ui.type(robot, "#" + Helper.PHONE, "05 55");
        Ui.choose(robot, "#" + Helper.BACKGROUND_CHECK_STATUS, "Valide");
        robot.clickOn("#save");
        app.settle();

        assertThat(errorUnder(robot, Helper.PHONE)).startsWith("Numéro incomplet ou incorrect");
        assertThat(errorUnder(robot, Helper.BACKGROUND_CHECK_DATE)).isEqualTo("Avec ce statut, indiquez la date.");
        assertThat(app.context().helpers().count()).isZero();
        assertThat(app.db().journal().count()).isEqualTo(journalled);
    }

    @Test
    void registerFindAndEditAHelper(FxRobot robot) {
        assertThat(robot.lookup("#nav-helpers").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(visible(robot, "Aucun aidant pour l’instant.")).isTrue();
        assertThat(table(robot).getItems()).isEmpty();
        robot.clickOn("#helperNew");
        app.settle();
        assertThat(robot.lookup("#formTitle").queryAs(Label.class).getText()).isEqualTo("Nouvel aidant");

        Ui.type(robot, "#" + Helper.FIRST_NAME, "Karim");
        Ui.type(robot, "#" + Helper.LAST_NAME, "Benali");
        Ui.type(robot, "#" + Helper.PHONE, "06 12 34 56 78");
        chooseCommune(robot, "La Sout");
        Ui.click(robot, "#skill-SHOPPING");
        Ui.click(robot, "#skill-TRANSPORT");
        Ui.type(robot, "#" + Helper.TAGS, "cuisine, échecs");
        addLanguage(robot, "Arabe");
        Ui.click(robot, "#slot-TUESDAY_AFTERNOON");
        Ui.click(robot, "#slot-SATURDAY_MORNING");
        Ui.replace(robot, "#" + Helper.MAX_COMMITMENTS + " .text-field", "3");
        Ui.type(robot, "#" + Helper.CHARTER_SIGNED_ON + " .text-field", "01/02/2026");
        Ui.choose(robot, "#" + Helper.BACKGROUND_CHECK_STATUS, "Valide");
        Ui.type(robot, "#" + Helper.BACKGROUND_CHECK_DATE + " .text-field", "10/02/2026");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helper-form-filled-fr"));
        robot.clickOn("#save");
        app.settle();

        assertThat(table(robot).getItems()).singleElement().satisfies(row -> {
            assertThat(row.summary().fullName()).isEqualTo("Karim Benali");
            assertThat(row.summary().communeName()).isEqualTo("La Souterraine");
            assertThat(row.skillsText()).isEqualTo("Courses, Transport en voiture");
            assertThat(row.summary().maxCommitments()).isEqualTo(3);
            assertThat(row.checkText()).isEqualTo("Valide");
            assertThat(row.statusText()).isEqualTo("Actif");
        });
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Fiche de Karim Benali enregistrée.");
        assertThat(robot.lookup("#helperCount").queryAs(Label.class).getText()).isEqualTo("1 aidant");
        Helper created = app.context().helpers().find(table(robot).getItems().get(0).summary().id()).orElseThrow();
        assertThat(created.languages()).containsExactly("ar", "fr");

        robot.clickOn("#helperSearch").write("souterraine ben");
        assertThat(table(robot).getItems()).hasSize(1);
        robot.eraseText(3).write("transport");
        assertThat(table(robot).getItems()).hasSize(1);
        robot.eraseText(9).write("xyz");
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(visible(robot, "Aucun résultat pour cette recherche.")).isTrue();
        robot.eraseText(3);
        assertThat(table(robot).getItems()).hasSize(1);

        robot.doubleClickOn("Benali");
        app.settle();
        assertThat(robot.lookup("#formTitle").queryAs(Label.class).getText()).isEqualTo("Karim Benali");
        Ui.replace(robot, "#" + Helper.PHONE, "07 98 76 54 32");
        Ui.choose(robot, "#" + Helper.STATUS, "En pause");
        robot.clickOn("#save");
        app.settle();

        Helper stored = app.context().helpers()
                .find(app.context().helpers().summaries().get(0).id()).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Karim Benali");
        assertThat(stored.contact().phone()).isEqualTo("07 98 76 54 32");
        assertThat(stored.status()).isEqualTo(HelperStatus.PAUSED);
        assertThat(stored.commune()).isEqualTo(new InseeCode("23176"));
        assertThat(stored.skills()).containsExactly(Skill.SHOPPING, Skill.TRANSPORT);
        assertThat(stored.tags()).containsExactly("cuisine", "échecs");
        assertThat(stored.languages()).containsExactly("ar", "fr");
        assertThat(stored.availability()).containsExactly(
                new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON), new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING));
        assertThat(stored.maxCommitments()).isEqualTo(3);
        assertThat(stored.charterSignedOn()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(stored.backgroundCheck())
                .isEqualTo(new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2026, 2, 10)));
        assertThat(table(robot).getItems()).singleElement()
                .satisfies(row -> assertThat(row.statusText()).isEqualTo("En pause"));
        assertThat(app.db().journal().entriesFor("helper", stored.id().value())).hasSize(2);
    }

    @Test
    void theNumberOfCommitmentsTakesOnlyANumber(FxRobot robot) {
        robot.clickOn("#helperNew");
        app.settle();
        Spinner<?> commitments = robot.lookup("#" + Helper.MAX_COMMITMENTS).queryAs(Spinner.class);

        Ui.replace(robot, "#" + Helper.MAX_COMMITMENTS + " .text-field", "2x");
        Ui.click(robot, "#" + Helper.CHARTER_SIGNED_ON + " .text-field");

        assertThat(commitments.getEditor().getText()).isEqualTo("2");
        assertThat(commitments.getValue()).isEqualTo(2);

        Ui.replace(robot, "#" + Helper.MAX_COMMITMENTS + " .text-field", "");
        robot.type(KeyCode.BACK_SPACE);
        Ui.click(robot, "#" + Helper.CHARTER_SIGNED_ON + " .text-field");

        assertThat(commitments.getEditor().getText()).isEqualTo("2");
        assertThat(commitments.getValue()).isEqualTo(2);
    }
}
