package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.staff.StaffRepository;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker fills in the AGGIR grid of an elderly person and sees the GIR as she goes, registers
 * her for the heatwave, then follows a pupil along the dropout path to an apprenticeship. Pictures of
 * each section on the way.
 */
@ExtendWith(ApplicationExtension.class)
class ProfilesFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        app.close();
    }

    Beneficiary open(FxRobot robot, Language language, Beneficiary.Builder person, String lastName) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), language);
        // A coordinator entitled to every domain, who sees every part of a file.
        StaffMember ines = new StaffMember(StaffId.newId(), "Inès", "Blanc", "CCAS", Set.of(Domain.values()), true);
        new StaffRepository(app.db().dsl(), app.db().writer(), TestData.ALL_ACCESS).save(ines, ines.id());
        app.actAsFounder(ines);
        StaffId author = app.context().author();
        Beneficiary file = person.referent(author).build();
        app.context().beneficiaries().save(file, author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        robot.doubleClickOn(lastName);
        app.settle();
        return file;
    }

    ProfileRepository profiles() {
        return new ProfileRepository(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer());
    }

    void snapshot(FxRobot robot, String query, String name) {
        robot.interact(() -> Snapshots.save(robot.lookup(query).query(), name));
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Clicks the score of each variable not already on it (a second click on a score clears it). */
    void grid(FxRobot robot, String tenScores) {
        for (AggirVariable v : AggirVariable.values()) {
            String query = "#aggir-" + v.name() + "-" + tenScores.charAt(v.ordinal());
            if (!robot.lookup(query).queryAs(javafx.scene.control.ToggleButton.class).isSelected()) {
                Ui.click(robot, query);
            }
        }
    }

    @Test
    void fillTheAggirGridSeeTheGirAndRegisterForTheHeatwave(FxRobot robot) {
        Beneficiary jeanne = open(robot, Language.FRENCH, TestData.beneficiary(null), "Martin");
        assertThat(robot.lookup("#profile-ELDERLY").query().isVisible()).isTrue();
        assertThat(robot.lookup("#profile-SCHOOL").query().isVisible()).as("not followed for school").isFalse();
        assertThat(text(robot, "#girText")).isEqualTo("Le GIR s’affichera ici quand les 10 activités seront renseignées.");

        Ui.click(robot, "#aggir-COHERENCE-C");
        Ui.click(robot, "#aggir-ORIENTATION-C");
        assertThat(text(robot, "#girText")).startsWith("2 activités sur 10 renseignées");
        grid(robot, "CCBBBBBBBB");
        assertThat(text(robot, "#girText")).isEqualTo("GIR 2 — ouvre droit à l’APA");
        Ui.type(robot, "#" + ElderlyProfile.ASSESSED_ON, "02/11/2026");
        Ui.choose(robot, "#" + ElderlyProfile.APA, "Accordée");
        Ui.click(robot, "#livesAlone");
        Ui.type(robot, "#" + ElderlyProfile.EMERGENCY_NAME, "Claire Martin");
        Ui.type(robot, "#" + ElderlyProfile.EMERGENCY_PHONE, "06 12 34 56 78");
        Ui.type(robot, "#" + ElderlyProfile.EMERGENCY_RELATION, "fille");
        assertThat(robot.lookup("#heatwaveRegister").query().isVisible()).isFalse();
        Ui.click(robot, "#heatwaveRegistered");
        assertThat(robot.lookup("#heatwaveRegister").query().isVisible()).isTrue();
        Ui.type(robot, "#" + ElderlyProfile.HEATWAVE_REGISTERED_ON, "02/06/2026");
        Ui.choose(robot, "#" + ElderlyProfile.HEATWAVE_REQUESTED_BY, "Un proche ou un tiers (voisin, médecin, service à domicile)");
        Ui.type(robot, "#" + ElderlyProfile.HEATWAVE_REQUESTER_NAME, "Mme Roux, voisine");
        Ui.choose(robot, "#" + ElderlyProfile.HEATWAVE_CAPACITY, "Personne de 65 ans ou plus");
        snapshot(robot, "#profile-ELDERLY", "profile-elderly-fr");
        snapshot(robot, "#profile-HEALTH", "profile-health-fr");
        Ui.click(robot, "#save");
        app.settle();

        ElderlyProfile saved = profiles().elderly(jeanne.id()).orElseThrow();
        assertThat(saved.aggir()).isEqualTo(AggirGrid.of("CCBBBBBBBB"));
        assertThat(saved.assessedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(saved.livesAlone()).isTrue();
        assertThat(saved.emergency().relation()).isEqualTo("fille");
        assertThat(saved.heatwave().requestedBy()).isEqualTo(HeatwaveRequester.THIRD_PARTY);
        assertThat(saved.heatwave().requesterName()).isEqualTo("Mme Roux, voisine");
        assertThat(saved.heatwave().capacity()).isEqualTo(HeatwaveCapacity.AGED_65);
        assertThat(saved.heatwave().registeredOn()).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void followAPupilAlongTheDropoutPath(FxRobot robot) {
        Beneficiary theo = open(robot, Language.FRENCH, TestData.beneficiary(null).firstName("Théo").lastName("Durand")
                .birthDate(LocalDate.of(2011, 4, 3)).domains(Set.of(Domain.SCHOOL))
                .consent(new Consent(LocalDate.of(2026, 9, 12), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM,
                        "Mme Durand, sa mère", null)), "Durand");
        assertThat(robot.lookup("#profile-ELDERLY").query().isVisible()).isFalse();
        assertThat(text(robot, "#pathText")).isEqualTo("Aucune étape pour l’instant.");

        Ui.type(robot, "#" + SchoolProfile.SCHOOL, "Collège Jean Moulin");
        Ui.type(robot, "#" + SchoolProfile.SCHOOL_CLASS, "3e B");
        Ui.type(robot, "#" + SchoolProfile.COUNSELOR, "M. Petit (CPE)");
        Ui.type(robot, "#" + SchoolProfile.ABSENT_HALF_DAYS, "8");
        Ui.type(robot, "#" + SchoolProfile.UNJUSTIFIED_HALF_DAYS, "6");
        Ui.type(robot, "#step-SPOTTED", "10/09/2026");
        Ui.type(robot, "#step-ASSESSED", "01/10/2026");
        Ui.click(robot, "#save");
        app.settle();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).toList()).contains(
                "Situation évaluée : Une étape précédente n’a pas de date : renseignez-la d’abord.",
                "Pour un élève mineur, indiquez la date de l’accord d’un parent.");
        assertThat(profiles().school(theo.id())).isEmpty();
        snapshot(robot, "#profile-SCHOOL", "profile-school-errors-fr");

        Ui.type(robot, "#step-CONTACTED", "20/09/2026");
        Ui.type(robot, "#step-ACCOMPANIED", "15/10/2026");
        Ui.choose(robot, "#" + SchoolProfile.OUTCOME, "Apprentissage");
        Ui.type(robot, "#" + SchoolProfile.OUTCOME_ON, "02/11/2026");
        Ui.type(robot, "#" + SchoolProfile.PARENTAL_CONSENT_DATE, "12/09/2026");
        Ui.type(robot, "#" + SchoolProfile.PARENTAL_CONSENT_BY, "Mme Durand, sa mère");
        assertThat(text(robot, "#pathText")).isEqualTo("Suivi terminé : Apprentissage, le 02/11/2026.");
        snapshot(robot, "#profile-SCHOOL", "profile-school-fr");
        Ui.click(robot, "#save");
        app.settle();

        SchoolProfile saved = profiles().school(theo.id()).orElseThrow();
        assertThat(saved.path().dateOf(DropoutStep.CONTACTED)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(saved.path().outcome()).isEqualTo(DropoutOutcome.APPRENTICESHIP);
        assertThat(saved.absentHalfDays()).isEqualTo(8);
        assertThat(saved.parentalConsent().givenBy()).isEqualTo("Mme Durand, sa mère");
    }

    @Test
    void inEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH, TestData.beneficiary(null).domains(Set.of(Domain.values())), "Martin");
        grid(robot, "AAAAAAAAAA");
        assertThat(text(robot, "#girText")).isEqualTo("GIR 6 — does not open the APA allowance (GIR 1 to 4 only)");
        snapshot(robot, "#profile-ELDERLY", "profile-elderly-en");
        snapshot(robot, "#profile-SCHOOL", "profile-school-en");
    }
}
