package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.heatwave.HeatwaveViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.CallStep;
import fr.cercle.model.heatwave.CampaignCall;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.profile.ProfileRepository;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town hall runs a heatwave campaign to its end: it exports the register for the prefecture (CSV and
 * PDF), declares the alert, which starts the day's calls by itself (spread between a helper and the
 * secretary), records who is fine, follows the one not reached
 * through a second call, a visit and her emergency contact, sees the round complete, and closes the
 * alert. Pictures on the way.
 */
@ExtendWith(ApplicationExtension.class)
class HeatwaveFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    final fr.cercle.app.ChosenFiles files = new fr.cercle.app.ChosenFiles();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        app.close();
    }

    void open(FxRobot robot) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH);
        StaffId author = app.context().author();
        ProfileRepository profiles = new ProfileRepository(app.db().dsl(), app.db().writer(), app.db().clock(),
                app.context().viewer());
        Beneficiary jeanne = TestData.beneficiary(author).domains(Set.of(Domain.ELDERLY)).build();
        Beneficiary andre = TestData.beneficiary(author).firstName("André").lastName("Aubert")
                .domains(Set.of(Domain.ELDERLY)).build();
        for (Beneficiary person : List.of(jeanne, andre)) {
            profiles.saveWithFile(person, List.of(new ElderlyProfile(person.id(), null, null, null, true, null,
                    new ContactPerson("Sophie Martin", "06 11 22 33 44", "fille"),
                    new HeatwaveRegistration(LocalDate.of(2026, 6, 1), HeatwaveRequester.SELF, null,
                            HeatwaveCapacity.AGED_65, null))), author);
        }
        app.context().helpers().save(TestData.helper().skills(Set.of(Skill.PHONE_CALLS)).maxCommitments(1).build(), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context().withFiles(files), other -> { }).node()));
        app.settle();
        robot.clickOn("#nav-heatwave");
        app.settle();
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), name));
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Clicks an outcome on the first line still to do for that person. */
    void outcome(FxRobot robot, String person, String button) {
        Node line = robot.lookup(".heatwave-call.to-do").queryAll().stream()
                .filter(n -> ((HeatwaveViewModel.CallRow) n.getUserData()).person().equals(person))
                .findFirst().orElseThrow();
        robot.clickOn(robot.from(line).lookup(button).queryButton());
        app.settle();
    }

    @Test
    void runAHeatwaveCampaignToItsEnd(FxRobot robot) throws Exception {
        open(robot);
        assertThat(text(robot, ".title-4")).isEqualTo("Personnes inscrites au registre (2)");
        snapshot(robot, "heatwave-register-fr");

        Path csv = dir.resolve("registre.csv");
        files.choose(csv);
        Ui.click(robot, "#exportRegister");
        Ui.waitUntil(() -> robot.lookup("#registerExported").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(files.lastSuggestedName()).isEqualTo("registre-canicule-2026-11-25.csv");
        List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("Nom;Prénom;\"Date de naissance\"", "Qualité", "\"Personne à prévenir\"");
        assertThat(lines.get(1)).startsWith("Aubert;André;\"02/03/1938\";\"3 rue des Lilas\";\"23300\"")
                .contains("\"La Souterraine\"", "\"01/06/2026\"", "\"Sophie Martin\";fille;\"06 11 22 33 44\"")
                .doesNotContain("enum.");

        Path pdf = dir.resolve("registre.pdf");
        files.choose(pdf);
        Ui.click(robot, "#exportRegisterPdf");
        Ui.waitUntil(() -> robot.lookup("#registerExported").tryQuery().map(Node::isVisible).orElse(false)
                && text(robot, "#registerExported").contains(".pdf"));
        assertThat(files.lastSuggestedName()).isEqualTo("registre-canicule-2026-11-25.pdf");
        assertThat(text(robot, "#registerExported")).isEqualTo("Registre exporté : 2 personnes dans registre.pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Registre nominatif des personnes vulnérables — canicule", "AUBERT André", "MARTIN Jeanne",
                            "CCAS de La Souterraine", "Sophie Martin (fille) — 06 11 22 33 44");
        }

        // Declared today, the alert's first round is due: it starts at once, spread between a helper and Claire.
        Ui.click(robot, "#declareAlert");
        app.settle();
        assertThat(text(robot, "#alertText")).isEqualTo("Alerte canicule orange depuis le 25/11/2026 (jour 1)");
        assertThat(text(robot, "#heatwaveNotice")).isEqualTo(
                "Tournée du jour lancée automatiquement (niveau orange : appel tous les 2 jours) : 2 appels à passer.");
        assertThat(text(robot, "#roundRhythm")).isEqualTo("Niveau orange : chaque personne est appelée tous les 2 jours.");
        assertThat(robot.lookup("#startRound").queryButton().isDisabled()).as("today's round is started").isTrue();
        assertThat(text(robot, "#roundProgressText"))
                .isEqualTo("2 personnes : 0 jointes et bien, 0 ont besoin d’aide, 0 en relance, 2 à appeler, 0 injoignables.");
        snapshot(robot, "heatwave-round-fr");

        outcome(robot, "André Aubert", "#reachedFine");
        outcome(robot, "Jeanne Martin", "#unreachable");
        assertThat(text(robot, "#heatwaveNotice")).isEqualTo("Pas de réponse de Jeanne Martin : étape suivante, second appel.");
        outcome(robot, "Jeanne Martin", "#unreachable");
        outcome(robot, "Jeanne Martin", "#unreachable");
        assertThat(robot.lookup(".heatwave-call.to-do").queryAll().stream()
                .map(n -> ((HeatwaveViewModel.CallRow) n.getUserData()).step()).toList())
                .containsExactly("Appeler le contact d’urgence : Sophie Martin 06 11 22 33 44");
        snapshot(robot, "heatwave-escalation-fr");
        outcome(robot, "Jeanne Martin", "#needsHelp");

        assertThat(text(robot, "#roundProgressText"))
                .isEqualTo("2 personnes : 1 jointes et bien, 1 ont besoin d’aide, 0 en relance, 0 à appeler, 0 injoignables.");
        var campaign = app.context().heatwave().current().orElseThrow();
        List<CampaignCall> round = app.context().heatwave().round(campaign.id(), LocalDate.now(app.context().clock()));
        assertThat(round).hasSize(5).allSatisfy(c -> assertThat(c.done()).isTrue());
        assertThat(round).extracting(CampaignCall::step).contains(CallStep.VISIT, CallStep.EMERGENCY_CONTACT);
        assertThat(round).extracting(CampaignCall::outcome).contains(CallOutcome.NEEDS_HELP);
        snapshot(robot, "heatwave-done-fr");

        Ui.click(robot, "#closeAlert");
        app.settle();
        assertThat(text(robot, "#heatwaveNotice")).isEqualTo("L’alerte est close.");
        assertThat(app.context().heatwave().current()).isEmpty();
    }
}
