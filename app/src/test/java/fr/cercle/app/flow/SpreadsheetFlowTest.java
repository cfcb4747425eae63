package fr.cercle.app.flow;

import fr.cercle.app.ChosenFiles;
import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.spreadsheet.SheetReader;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town hall's spreadsheet of elderly people, saved from Excel as CSV: imported, its errors shown
 * with their line numbers, fixed in the spreadsheet, read again and imported; then the list is
 * exported back to CSV. Pictures of the wizard on the way.
 */
@ExtendWith(ApplicationExtension.class)
class SpreadsheetFlowTest {

    static final Charset EXCEL = Charset.forName("windows-1252");
    static final String HEADERS = "NOM;Prénom;Date de naissance;Code postal;Commune;Téléphone;Observations\r\n";

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    final ChosenFiles files = new ChosenFiles();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir.resolve("data"), TaskRunner.forJavaFx(), Language.FRENCH);
        var author = app.context().author();
        app.context().beneficiaries().save(TestData.beneficiary(author).build(), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context().withFiles(files), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aSecretaryImportsTheTownHallsSpreadsheetFixesItsErrorsAndExportsTheList(FxRobot robot) throws Exception {
        Path sheet = dir.resolve("registre-canicule.csv");
        Files.write(sheet, (HEADERS
                + "MARTIN;Jeanne;02/03/1938;23300;La Souterraine;05 55 63 00 00;déjà suivie\r\n"
                + "DUBOIS;Marcel;31/11/1936;23000;Guéret;555520000;\r\n"
                + "LEROY;Simone;12/07/1941;23000;Gueret;;vit seule\r\n"
                + "PETIT;André;05/01/1933;23300;Souterraine;;\r\n").getBytes(EXCEL));
        Ui.click(robot, "#beneficiaryImport");
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "spreadsheet-import-start-fr"));

        files.choose(sheet);
        Ui.click(robot, "#importChoose");
        app.settle();

        ListView<?> problems = robot.lookup("#importProblems").queryAs(ListView.class);
        assertThat(problems.getItems()).map(Object::toString).containsExactly(
                "Ligne 2 : Existe déjà dans Cercle : Jeanne Martin (La Souterraine).",
                "Ligne 3 · Date de naissance : « 31/11/1936 » n’est pas une date (jour/mois/année attendu, par exemple 14/06/1941).",
                "Ligne 5 · Commune : Aucune commune « Souterraine » dans le référentiel des communes.");
        assertThat(robot.lookup("#importRun").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "spreadsheet-import-errors-fr"));

        Files.write(sheet, (HEADERS
                + "DUBOIS;Marcel;30/11/1936;23000;Guéret;555520000;\r\n"
                + "LEROY;Simone;12/07/1941;23000;Gueret;;vit seule\r\n"
                + "PETIT;André;05/01/1933;23300;La Souterraine;;\r\n").getBytes(EXCEL));
        Ui.click(robot, "#importReload");
        app.settle();
        assertThat(problems.getItems()).isEmpty();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "spreadsheet-import-ready-fr"));

        Ui.click(robot, "#importRun");
        Ui.waitUntil(() -> robot.lookup("#beneficiaryTable").tryQuery().isPresent());
        app.settle();

        assertThat(app.db().dsl().fetchCount(BENEFICIARY)).isEqualTo(4);
        assertThat(robot.lookup("Dubois").tryQuery()).isEmpty();
        assertThat(robot.lookup("DUBOIS").tryQuery()).isPresent();

        Path export = dir.resolve("personnes.csv");
        files.choose(export);
        Ui.click(robot, "#beneficiaryExport");
        Ui.waitUntil(() -> Files.exists(export));
        app.settle();
        assertThat(files.lastSuggestedName()).isEqualTo("personnes-2026-11-25.csv");
        Sheet back = SheetReader.read(export);
        assertThat(back.headers()).startsWith("Nom", "Prénom");
        assertThat(back.rows()).hasSize(4);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "spreadsheet-imported-fr"));
    }

    @Test
    void aCoordinatorImportsTheAssociationsHelpersAfterPickingAWorkbookByMistake(FxRobot robot) throws Exception {
        Ui.click(robot, "#nav-helpers");
        app.settle();
        Ui.click(robot, "#helperImport");
        app.settle();
        Path workbook = dir.resolve("benevoles.xlsx");
        Files.write(workbook, new byte[]{'P', 'K', 3, 4, 20, 0, 8, 0});
        files.choose(workbook);
        Ui.click(robot, "#importChoose");
        app.settle();
        assertThat(robot.lookup("#importFailure").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("C’est un classeur Excel ou LibreOffice, pas un fichier CSV");

        Path sheet = dir.resolve("benevoles.csv");
        Files.writeString(sheet, "\uFEFFFirst name,Last name,City,Mobile,E-mail\n"
                + "Zoé,Roy,Guéret,0611223344,\nAli,Benali,La Souterraine,,ali@example.fr\n");
        files.choose(sheet);
        Ui.click(robot, "#importChoose");
        app.settle();
        assertThat(robot.lookup("#importSummary").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("2 lignes : 2 prêtes, aucune en erreur.");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "spreadsheet-import-helpers-fr"));

        Ui.click(robot, "#importRun");
        Ui.waitUntil(() -> robot.lookup("#helperTable").tryQuery().isPresent());
        app.settle();
        assertThat(robot.lookup("Benali").tryQuery()).isPresent();
        assertThat(robot.lookup("Roy").tryQuery()).isPresent();
    }
}
