package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import static org.assertj.core.api.Assertions.assertThat;

/** A caseworker creates a file through the form, finds it by search, edits it, and meets the form's errors. */
@ExtendWith(ApplicationExtension.class)
class BeneficiaryFlowTest {

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
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    TableView<BeneficiaryRow> table(FxRobot robot) {
        return robot.lookup("#beneficiaryTable").queryAs(TableView.class);
    }

    String errorUnder(FxRobot robot, String field) {
        return robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getParent().getChildrenUnmodifiable().get(0).lookup("#" + field) != null)
                .map(Label::getText).findFirst().orElse("");
    }

    /** Types the start of a commune, waits for the suggestions, takes the first with Enter. */
    void chooseCommune(FxRobot robot, String typed) {
        Ui.type(robot, "#" + Beneficiary.COMMUNE, typed);
        Ui.waitUntil(() -> robot.lookup(".commune-suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.type(KeyCode.ENTER);
        app.settle();
    }

    @Test
    void anEmptyFormSaysWhatToFixNextToEachFieldAndSavesNothing(FxRobot robot) {
        robot.clickOn("#beneficiaryNew");
        app.settle();

        robot.clickOn("#save");
        app.settle();

        assertThat(robot.lookup("#errorSummary").queryAs(Label.class).getText()).startsWith("7 champs sont à corriger");
        assertThat(errorUnder(robot, Beneficiary.FIRST_NAME)).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorUnder(robot, Beneficiary.DOMAINS)).isEqualTo("Cochez au moins un choix.");
        assertThat(robot.lookup("#" + Beneficiary.FIRST_NAME).query().isFocused()).isTrue();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiary-form-errors-fr"));

        Ui.type(robot, "#" + Beneficiary.PHONE, "05 55");
        robot.clickOn("#save");
        app.settle();
        assertThat(errorUnder(robot, Beneficiary.PHONE)).startsWith("Numéro incomplet ou incorrect");
        assertThat(app.context().beneficiaries().count()).isZero();
    }

    @Test
    void createFindAndEditAFile(FxRobot robot) {
        assertThat(robot.lookup("Aucune personne accompagnée pour l’instant.").tryQuery()).isPresent();
        robot.clickOn("#beneficiaryNew");
        app.settle();

        Ui.type(robot, "#" + Beneficiary.FIRST_NAME, "Jeanne");
        Ui.type(robot, "#" + Beneficiary.LAST_NAME, "Martin");
        Ui.type(robot, "#" + Beneficiary.BIRTH_DATE + " .text-field", "02/03/1938");
        Ui.type(robot, "#" + Beneficiary.ADDRESS_LINE, "3 rue des Lilas");
        chooseCommune(robot, "La Sout");
        Ui.type(robot, "#" + Beneficiary.PHONE, "05 55 63 00 00");
        Ui.click(robot, "#domain-ELDERLY");
        Ui.choose(robot, "#" + Beneficiary.CONSENT_SCOPE, "Suivi et partage avec ses aidants");
        Ui.choose(robot, "#" + Beneficiary.CONSENT_METHOD, "Formulaire signé");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiary-form-filled-fr"));
        robot.clickOn("#save");
        app.settle();

        assertThat(table(robot).getItems()).singleElement().satisfies(row -> {
            assertThat(row.summary().fullName()).isEqualTo("Jeanne Martin");
            assertThat(row.summary().communeName()).isEqualTo("La Souterraine");
            assertThat(row.summary().postalCode()).isEqualTo("23300");
        });
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Dossier de Jeanne Martin enregistré.");

        robot.clickOn("#beneficiarySearch").write("souterraine mar");
        assertThat(table(robot).getItems()).hasSize(1);
        robot.eraseText(3).write("xyz");
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(robot.lookup("Aucun résultat pour cette recherche.").tryQuery()).isPresent();
        robot.eraseText(3);

        robot.doubleClickOn("Martin");
        app.settle();
        Ui.replace(robot, "#" + Beneficiary.PHONE, "06 12 34 56 78");
        Ui.choose(robot, "#" + Beneficiary.STATUS, "En pause");
        robot.clickOn("#save");
        app.settle();

        Beneficiary stored = app.context().beneficiaries()
                .find(app.context().beneficiaries().summaries().get(0).id()).orElseThrow();
        assertThat(stored.contact().phone()).isEqualTo("06 12 34 56 78");
        assertThat(stored.status()).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(table(robot).getItems()).singleElement()
                .satisfies(row -> assertThat(row.statusText()).isEqualTo("En pause"));
        assertThat(app.db().journal().entriesFor("beneficiary", stored.id().value())).hasSize(2);
    }

    @Test
    void aPossibleDuplicateIsShownBeforeSaving(FxRobot robot) {
        var author = app.context().author();
        app.context().beneficiaries().save(fr.cercle.persistence.TestData.beneficiary(author).build(), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        robot.clickOn("#beneficiaryNew");
        app.settle();
        Ui.type(robot, "#" + Beneficiary.FIRST_NAME, "Jeanne");
        Ui.type(robot, "#" + Beneficiary.LAST_NAME, "Martinn");
        Ui.type(robot, "#" + Beneficiary.BIRTH_DATE + " .text-field", "03/03/1938");
        chooseCommune(robot, "23300");
        Ui.click(robot, "#domain-HEALTH");
        Ui.choose(robot, "#" + Beneficiary.CONSENT_SCOPE, "Suivi par la structure uniquement");
        Ui.choose(robot, "#" + Beneficiary.CONSENT_METHOD, "Formulaire signé");

        robot.clickOn("#save");
        app.settle();

        assertThat(robot.lookup("#duplicatesPanel").tryQuery()).isPresent();
        assertThat(robot.lookup("Jeanne Martin, né(e) le 02/03/1938, La Souterraine — nom très proche, même commune").tryQuery()).isPresent();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiary-duplicate-fr"));
        assertThat(app.context().beneficiaries().count()).isEqualTo(1);

        robot.clickOn("#notADuplicate");
        app.settle();

        assertThat(app.context().beneficiaries().count()).isEqualTo(2);
        assertThat(table(robot).getItems()).hasSize(2);
    }
}
