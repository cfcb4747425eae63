package fr.cercle.app.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cercle.app.ChosenFiles;
import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.audit.AuditTrail;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right of access from the person's file: a readable PDF and a JSON, written whole, traced as
 * an export in the audit trail.
 */
@ExtendWith(ApplicationExtension.class)
class AccessExportFlowTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;
    Stage stage;
    TestApp app;
    Beneficiary jeanne;
    final ChosenFiles files = new ChosenFiles();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH);
        var author = app.context().author();
        jeanne = TestData.beneficiary(author).situation("Vit seule depuis le décès de son mari ; sa fille Zoé passe le dimanche.")
                .build();
        app.context().beneficiaries().save(jeanne, author);
        app.context().beneficiaries().save(jeanne.withStatus(BeneficiaryStatus.PAUSED), author);
        var karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
        var visits = fr.cercle.model.need.Need.open(jeanne.id(), fr.cercle.model.need.NeedKind.VISIT,
                fr.cercle.model.need.Frequency.WEEKLY, Set.of(), false, java.time.LocalDate.of(2026, 10, 1))
                .assign(karim.id(), java.time.LocalDate.of(2026, 10, 2));
        app.context().needs().save(visits, author);
        app.context().contributions().record(new fr.cercle.model.contribution.Contribution(
                fr.cercle.model.contribution.ContributionId.newId(), jeanne.id(), karim.id(), visits.id(),
                java.time.LocalDate.of(2026, 11, 10), 90, fr.cercle.model.contribution.ContributionKind.VISIT,
                fr.cercle.model.contribution.Medium.IN_PERSON, true, "Promenade au jardin", "Semble fatiguée."), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context().withFiles(files), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aCaseworkerExportsEverythingHeldAboutAPerson(FxRobot robot) throws Exception {
        robot.doubleClickOn("Martin");
        app.settle();
        Path pdf = out.resolve("donnees-jeanne-martin.pdf");
        files.choose(pdf);

        Ui.click(robot, "#exportAccess");
        Ui.waitUntil(() -> robot.lookup("#formNotice").tryQuery().isPresent());

        assertThat(files.lastSuggestedName()).isEqualTo("donnees-jeanne-martin-2026-11-25.pdf");
        assertThat(robot.lookup("#formNotice").queryAs(Label.class).getText())
                .startsWith("Données exportées : donnees-jeanne-martin.pdf et donnees-jeanne-martin.json");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Données détenues sur Jeanne Martin", "Identité", "Date de naissance : 02/03/1938",
                    "sa fille Zoé passe le dimanche", "Historique des modifications", "Statut : En pause",
                    "Consultations et accès au dossier", "Export par Claire Moreau", "Consultation par Claire Moreau",
                    "Création par Claire Moreau", "Aide reçue",
                    "Besoin : Visites de convivialité, chaque semaine — Aidant trouvé, ouvert le 01/10/2026 — Karim Benali",
                    "10/11/2026 — Karim Benali : Visite, en personne, 1 h 30", "Promenade au jardin",
                    "Semble fatiguée.", "Suite à donner : Semble fatiguée. (à faire d’ici le 28/11/2026)");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
                    Snapshots.dir().resolve("access-report-fr.png").toFile());
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("donnees-jeanne-martin.json").toFile());
        assertThat(json.at("/person/first_name").asText()).isEqualTo("Jeanne");
        assertThat(json.at("/history").size()).isEqualTo(2);
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .as("no partial file left").containsExactlyInAnyOrder("donnees-jeanne-martin.pdf", "donnees-jeanne-martin.json");
        }
        assertThat(new AuditTrail(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer())
                .search(AuditQuery.everything().about(Set.of(jeanne.id().value())), ZoneId.of("Europe/Paris")))
                .extracting(AuditEntry::action).first().isEqualTo(AuditAction.EXPORT);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-export-fr"));
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidSoAndLeavesNothing(FxRobot robot) throws Exception {
        robot.doubleClickOn("Martin");
        app.settle();
        files.choose(out.resolve("no-such-folder").resolve("donnees.pdf"));

        Ui.click(robot, "#exportAccess");
        app.settle();

        assertThat(robot.lookup(".banner").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).startsWith("L’export n’a pas pu être écrit dans"));
        try (var listing = Files.list(out)) {
            assertThat(listing).isEmpty();
        }
    }
}
