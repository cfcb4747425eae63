package fr.cercle.app.today;

import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.alert.AlertKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Today" area without a screen: the alerts in plain words, and the week's agenda week by week. */
class TodayViewModelTest {

    @TempDir
    Path dir;
    TodayFixture fixture;
    TodayViewModel model;

    @BeforeEach
    void open() {
        fixture = new TodayFixture(dir, TaskRunner.direct(), Language.FRENCH);
        model = new TodayViewModel(fixture.app.context());
        model.load();
    }

    @AfterEach
    void close() {
        fixture.app.close();
    }

    TodayViewModel.AlertGroup group(AlertKind kind) {
        return model.alerts().stream().filter(g -> g.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theAlertsAreGroupedByKindInPlainWords() {
        assertThat(model.dateProperty().get()).isEqualTo("mercredi 25 novembre 2026");
        assertThat(model.alerts()).extracting(TodayViewModel.AlertGroup::kind)
                .containsExactly(AlertKind.NO_CONTACT, AlertKind.NEED_UNMET);
        assertThat(group(AlertKind.NO_CONTACT).title()).isEqualTo("Personnes sans contact (1)");
        assertThat(group(AlertKind.NO_CONTACT).lines()).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("Jeanne Martin — aucun contact depuis 10 jours");
            assertThat(line.file()).isEqualTo(fixture.jeanne.id());
        });
        assertThat(group(AlertKind.NEED_UNMET).lines()).extracting(TodayViewModel.AlertLine::text)
                .containsExactly("Jeanne Martin — Courses : sans aidant depuis 23 jours");
        assertThat(model.alertsSummaryProperty().get()).startsWith("2 points à regarder.");
    }

    @Test
    void aContactMadeTakesThePersonOffTheAlertsAndTicksTheAgenda() {
        assertThat(model.weekTitleProperty().get()).isEqualTo("Cette semaine, du 23/11/2026 au 29/11/2026");
        assertThat(model.agenda()).singleElement().satisfies(line -> {
            assertThat(line.day()).isEqualTo("mardi 24/11/2026");
            assertThat(line.text()).isEqualTo("Jeanne Martin — Visites de convivialité avec Karim Benali");
            assertThat(line.status()).isEqualTo(PlannedContact.Status.LATE);
            assertThat(line.state()).isEqualTo("En retard");
        });
        assertThat(model.weekSummaryProperty().get()).isEqualTo("0 sur 1 contact fait, 1 en retard");

        fixture.visit(TodayFixture.TODAY);
        model.load();

        assertThat(model.alerts()).extracting(TodayViewModel.AlertGroup::kind).containsExactly(AlertKind.NEED_UNMET);
        assertThat(model.agenda()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(PlannedContact.Status.DONE);
            assertThat(line.state()).isEqualTo("Fait le 25/11/2026");
        });
        assertThat(model.weekSummaryProperty().get()).isEqualTo("1 sur 1 contact fait, aucun en retard");
    }

    @Test
    void weekByWeek() {
        model.previousWeek();
        assertThat(model.weekTitleProperty().get()).isEqualTo("Semaine du 16/11/2026 au 22/11/2026");
        assertThat(model.agenda()).extracting(TodayViewModel.AgendaLine::status)
                .as("the visit of Sunday 15th belongs to the week before").containsExactly(PlannedContact.Status.LATE);
        model.previousWeek();
        assertThat(model.agenda()).extracting(TodayViewModel.AgendaLine::status).containsExactly(PlannedContact.Status.DONE);
        model.thisWeek();
        model.nextWeek();
        assertThat(model.mondayProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(model.agenda()).extracting(TodayViewModel.AgendaLine::status).containsExactly(PlannedContact.Status.PLANNED);
    }

    @Test
    void aCoordinatorMayShowEveryFile() {
        assertThat(model.mayChooseAllFiles()).isTrue();
        model.allFilesProperty().set(true);
        assertThat(model.agenda()).hasSize(1);
    }
}
