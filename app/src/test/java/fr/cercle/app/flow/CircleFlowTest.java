package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.circle.CircleViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker opens a person's file and sees their circle: the helper, the last and the late next
 * contact. They note today's call with a concern, see the follow-up it opened, mark it done, and
 * close a need. Pictures of the circle on the way.
 */
@ExtendWith(ApplicationExtension.class)
class CircleFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    Beneficiary jeanne;
    Helper karim;
    Need visits;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** Jeanne, visited weekly by Karim since October, last reached on 10 November. */
    void open(FxRobot robot, Language language) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), language);
        StaffId author = app.context().author();
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
        visits = Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY,
                Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)), false, LocalDate.of(2026, 9, 28))
                .assign(karim.id(), LocalDate.of(2026, 10, 1));
        app.context().needs().save(visits, author);
        app.context().needs().save(Need.open(jeanne.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), false,
                LocalDate.of(2026, 11, 12)), author);
        app.context().contributions().record(new Contribution(ContributionId.newId(), jeanne.id(), karim.id(),
                visits.id(), LocalDate.of(2026, 11, 10), 90, ContributionKind.VISIT, Medium.IN_PERSON, true,
                "Promenade au jardin", null), author);
        Helper lucie = TestData.helper().firstName("Lucie").lastName("Girard").skills(Set.of(fr.cercle.model.helper.Skill.PHONE_CALLS))
                .build();
        app.context().helpers().save(lucie, author);
        Need calls = Need.open(jeanne.id(), NeedKind.CALL, Frequency.TWICE_A_WEEK,
                Set.of(new WeeklySlot(DayOfWeek.MONDAY, DayPart.MORNING), new WeeklySlot(DayOfWeek.THURSDAY, DayPart.MORNING)),
                false, LocalDate.of(2026, 11, 1)).assign(lucie.id(), LocalDate.of(2026, 11, 2));
        app.context().needs().save(calls, author);
        app.context().contributions().record(new Contribution(ContributionId.newId(), jeanne.id(), lucie.id(),
                calls.id(), LocalDate.of(2026, 11, 23), 15, ContributionKind.CALL, Medium.PHONE, true, null, null), author);
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        robot.doubleClickOn("Martin");
        app.settle();
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), name));
    }

    java.util.List<String> memberNames(FxRobot robot) {
        return robot.lookup(".circle-member").queryAll().stream()
                .map(n -> ((CircleViewModel.MemberRow) n.getUserData()).name()).toList();
    }

    boolean shown(FxRobot robot, String text) {
        return robot.lookup(text).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    @Test
    void noteAContactWithAConcernThenDoTheFollowUp(FxRobot robot) {
        open(robot, Language.FRENCH);
        assertThat(shown(robot, "Le cercle autour de la personne")).isTrue();
        assertThat(memberNames(robot)).containsExactly("Karim Benali", "Lucie Girard");
        assertThat(robot.lookup(".circle-dot").queryAll().stream().map(n -> n.getUserData())
                .filter(CircleViewModel.MemberRow.class::isInstance).map(r -> ((CircleViewModel.MemberRow) r).recency()))
                .containsExactly(CircleViewModel.Recency.LATE, CircleViewModel.Recency.RECENT);
        assertThat(shown(robot, "contact il y a 15 j")).isTrue();
        assertThat(shown(robot, "contact il y a 2 j")).isTrue();
        assertThat(shown(robot, "Courses : sans aidant")).isTrue();
        assertThat(shown(robot, "Dernier contact : le 10/11/2026 (il y a 15 jours), visite, 1 h 30")).isTrue();
        assertThat(shown(robot, "Contact prévu le 17/11/2026 : en retard de 8 jours")).isTrue();
        snapshot(robot, "circle-late-fr");

        robot.clickOn(robot.lookup("#noteContact").queryAll().iterator().next());
        app.settle();
        Ui.choose(robot, "#contributionKind", "Appel");
        assertThat(robot.lookup("#contributionMedium").queryComboBox().getValue()).isEqualTo(Medium.PHONE);
        Ui.type(robot, "#contributionNote", "A parlé de sa fille");
        Ui.type(robot, "#contributionConcern", "Elle ne mange presque plus.");
        snapshot(robot, "circle-entry-fr");
        // Enter in the note notes the contact (the file's own Save is not pressed).
        Ui.click(robot, "#contributionNote");
        robot.type(KeyCode.ENTER);
        app.settle();

        assertThat(robot.lookup("#circleNotice").queryAs(Label.class).getText())
                .startsWith("Contact avec Karim Benali noté. Une suite à donner est ouverte pour");
        assertThat(app.context().contributions().ofFile(jeanne.id())).hasSize(3).first().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ContributionKind.CALL);
            assertThat(c.minutes()).isEqualTo(15);
            assertThat(c.note()).isEqualTo("A parlé de sa fille");
        });
        assertThat(shown(robot, "Dernier contact : le 25/11/2026 (aujourd’hui), appel, 15 min")).isTrue();
        assertThat(shown(robot, "contact aujourd’hui")).isTrue();
        assertThat(shown(robot, "Prochain contact prévu le 01/12/2026")).isTrue();
        assertThat(shown(robot, "Elle ne mange presque plus.")).isTrue();
        assertThat(shown(robot, "À faire d’ici le 28/11/2026")).isTrue();
        snapshot(robot, "circle-follow-up-fr");

        Ui.click(robot, "#followUpDone");
        app.settle();
        assertThat(robot.lookup(".follow-up").tryQuery()).isEmpty();
        assertThat(app.context().contributions().followUps(jeanne.id())).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FollowUpStatus.DONE));

        robot.clickOn(robot.lookup("#closeNeed").queryAll().iterator().next());
        app.settle();
        assertThat(app.context().needs().find(visits.id()).orElseThrow().status()).isEqualTo(NeedStatus.CLOSED);
        assertThat(memberNames(robot)).as("Karim leaves the circle").containsExactly("Lucie Girard");
    }

    @Test
    void inEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH);
        assertThat(shown(robot, "The circle around this person")).isTrue();
        assertThat(shown(robot, "Last contact: 10/11/2026 (15 days ago), visit, 1 h 30")).isTrue();
        assertThat(shown(robot, "Contact planned on 17/11/2026: 8 days late")).isTrue();
        robot.clickOn(robot.lookup("#noteContact").queryAll().iterator().next());
        app.settle();
        Ui.click(robot, "#contributionReached");
        Ui.click(robot, "#saveContribution");
        app.settle();
        assertThat(robot.lookup("#circleNotice").queryAs(Label.class).getText()).isEqualTo("Contact with Karim Benali recorded.");
        assertThat(shown(robot, "Not reached on 25/11/2026")).isTrue();
        snapshot(robot, "circle-en");
    }
}
