package fr.cercle.app.circle;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
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
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The circle of a person without a screen: who helps, their contacts, a contact noted, a follow-up done. */
class CircleViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    StaffId author;
    Beneficiary jeanne;
    Helper karim;
    /** Wednesday 25 November 2026, the tests' day. */
    LocalDate today;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        author = app.context().author();
        today = LocalDate.now(app.context().clock());
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
    }

    @AfterEach
    void close() {
        app.close();
    }

    Need weeklyVisitsMatched(LocalDate on) {
        Need need = Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY,
                Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)), false, on.minusDays(3)).assign(karim.id(), on);
        app.context().needs().save(need, author);
        return need;
    }

    CircleViewModel circle() {
        CircleViewModel model = new CircleViewModel(app.context(), jeanne.id());
        model.load();
        return model;
    }

    @Test
    void aHelperShowsWithTheirRoleTheirLastContactAndALateNextOne() {
        weeklyVisitsMatched(LocalDate.of(2026, 10, 1));
        app.context().contributions().record(new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null,
                LocalDate.of(2026, 11, 10), 90, ContributionKind.VISIT, Medium.IN_PERSON, true, null, null), author);
        app.context().contributions().record(new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null,
                LocalDate.of(2026, 11, 20), 0, ContributionKind.CALL, Medium.PHONE, false, null, null), author);

        CircleViewModel model = circle();

        assertThat(model.members()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Karim Benali");
            assertThat(row.roles()).isEqualTo("Visites de convivialité (chaque semaine)");
            assertThat(row.since()).isEqualTo("Aidant depuis le 01/10/2026");
            assertThat(row.last()).isEqualTo("Dernier contact : le 10/11/2026 (il y a 15 jours), visite, 1 h 30");
            assertThat(row.attempt()).isEqualTo("Pas joint le 20/11/2026");
            assertThat(row.next()).isEqualTo("Contact prévu le 17/11/2026 : en retard de 8 jours");
            assertThat(row.late()).isTrue();
        });
        assertThat(model.recent()).containsExactly(
                "20/11/2026 — Karim Benali : Appel, par téléphone, pas joint",
                "10/11/2026 — Karim Benali : Visite, en personne, 1 h 30");
    }

    @Test
    void anEmptyCircleSaysSo() {
        CircleViewModel model = circle();
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.members()).isEmpty();
        assertThat(model.followUps()).isEmpty();
    }

    @Test
    void aContactIsNotedWithTheUsualWayOfTheRoleAndAConcernOpensAFollowUp() {
        Need visits = weeklyVisitsMatched(LocalDate.of(2026, 11, 2));
        CircleViewModel model = circle();
        int[] changes = {0};
        model.setOnChanged(() -> changes[0]++);

        model.startEntry(model.members().get(0));
        assertThat(model.dateProperty().get()).isEqualTo(today);
        assertThat(model.kindProperty().get()).isEqualTo(ContributionKind.VISIT);
        assertThat(model.mediumProperty().get()).isEqualTo(Medium.IN_PERSON);
        assertThat(model.minutesProperty().get()).isEqualTo(60);
        model.kindProperty().set(ContributionKind.CALL);
        assertThat(model.mediumProperty().get()).as("the usual medium follows the kind").isEqualTo(Medium.PHONE);
        assertThat(model.minutesProperty().get()).isEqualTo(15);
        model.concernProperty().set("Elle ne mange presque plus.");
        assertThat(model.saveEntry()).isTrue();

        assertThat(model.entryForProperty().get()).isNull();
        assertThat(model.noticeProperty().get()).isEqualTo("Contact avec Karim Benali noté. Une suite à donner est "
                + "ouverte pour " + app.context().currentStaffProperty().get().fullName() + ", à faire d’ici le 28/11/2026.");
        assertThat(changes[0]).isEqualTo(1);
        assertThat(app.context().contributions().ofFile(jeanne.id())).singleElement().satisfies(c -> {
            assertThat(c.need()).isEqualTo(visits.id());
            assertThat(c.kind()).isEqualTo(ContributionKind.CALL);
            assertThat(c.minutes()).isEqualTo(15);
        });
        assertThat(model.members().get(0).last()).startsWith("Dernier contact : le 25/11/2026 (aujourd’hui), appel");
        assertThat(model.followUps()).singleElement().satisfies(row -> {
            assertThat(row.subject()).isEqualTo("Elle ne mange presque plus.");
            assertThat(row.due()).isEqualTo("À faire d’ici le 28/11/2026");
            assertThat(row.overdue()).isFalse();
        });

        model.done(model.followUps().get(0));
        assertThat(model.followUps()).isEmpty();
        assertThat(app.context().contributions().followUps(jeanne.id())).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FollowUpStatus.DONE));
        assertThat(model.noticeProperty().get()).isEqualTo("Suite à donner marquée comme faite.");
    }

    @Test
    void aWrongEntryIsRefusedFieldByFieldAndNothingIsWritten() {
        weeklyVisitsMatched(LocalDate.of(2026, 11, 2));
        CircleViewModel model = circle();
        model.startEntry(model.members().get(0));
        model.dateProperty().set(today.plusDays(1));
        model.kindProperty().set(null);
        model.concernProperty().set("x".repeat(Contribution.CONCERN_MAX + 1));

        assertThat(model.saveEntry()).isFalse();

        assertThat(model.errors()).containsEntry(Contribution.DATE, "Cette date est dans le futur.")
                .containsEntry(Contribution.KIND, "Ce champ est obligatoire.");
        // The thousands are grouped with the French locale's narrow space.
        assertThat(model.errors().get(Contribution.CONCERN)).matches("Trop long : 1.000 caractères au plus\\.");
        assertThat(app.context().contributions().ofFile(jeanne.id())).isEmpty();
        model.dateProperty().set(today);
        assertThat(model.errors()).doesNotContainKey(Contribution.DATE);
    }

    @Test
    void notReachedMeansNoTimeSpent() {
        weeklyVisitsMatched(LocalDate.of(2026, 11, 2));
        CircleViewModel model = circle();
        model.startEntry(model.members().get(0));
        model.contactMadeProperty().set(false);
        assertThat(model.minutesProperty().get()).isZero();
        model.contactMadeProperty().set(true);
        assertThat(model.minutesProperty().get()).isEqualTo(60);
        assertThat(model.duration(0)).isEqualTo("Aucune");
        assertThat(model.duration(45)).isEqualTo("45 min");
        assertThat(model.duration(120)).isEqualTo("2 h");
    }
}
