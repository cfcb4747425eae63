package fr.cercle.app.dashboard;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.contribution.ContributionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard without a screen: tiles, chart points, the list behind a tile, paging and refresh. Today is 25 November 2026. */
class DashboardViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    StaffId author;
    Beneficiary jeanne;
    Helper karim;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        author = app.context().author();
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        app.context().beneficiaries().save(TestData.beneficiary(author).firstName("Léo").lastName("Roux")
                .birthDate(LocalDate.of(1961, 4, 2)).domains(Set.of(Domain.HEALTH)).build(), author);
        karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
        app.context().needs().save(Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY,
                Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)), false, LocalDate.of(2026, 11, 20)), author);
        record(LocalDate.of(2026, 11, 10), 90);
        record(LocalDate.of(2026, 9, 3), 45);
    }

    @AfterEach
    void close() {
        app.close();
    }

    void record(LocalDate day, int minutes) {
        new ContributionRepository(app.db().dsl(), app.db().writer(), app.db().clock(), TestData.ALL_ACCESS)
                .record(new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null, day, minutes,
                        ContributionKind.VISIT, Medium.IN_PERSON, true, null, null), author);
    }

    DashboardViewModel.Tile tile(DashboardViewModel model, String id) {
        return model.tiles().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFiguresAreTilesInPlainWordsAndChartPoints() {
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.asOfProperty().get()).isEqualTo("Au 25/11/2026");
        assertThat(tile(model, "active").value()).isEqualTo("2");
        assertThat(tile(model, "active-elderly").label()).isEqualTo("Personnes âgées");
        assertThat(tile(model, "active-health").value()).isEqualTo("2");
        assertThat(tile(model, "helpers").value()).isEqualTo("1");
        assertThat(tile(model, "hours").value()).isEqualTo("1 h 30");
        assertThat(tile(model, "hours").hint()).isEqualTo("Données par les aidants en nov. 26");
        assertThat(tile(model, "unmet").value()).isEqualTo("1");
        assertThat(tile(model, "match").value()).isEqualTo("—");
        assertThat(tile(model, "match").hint()).isEqualTo("Aucun besoin pourvu sur 12 mois");
        assertThat(tile(model, "noContact").label()).isEqualTo("Sans contact depuis 14 jours");
        assertThat(tile(model, "noContact").value()).isEqualTo("2");
        assertThat(model.tiles()).allMatch(DashboardViewModel.Tile::opens);

        assertThat(model.hours()).hasSize(12);
        assertThat(model.hours().get(11)).isEqualTo(new DashboardViewModel.Bar("nov. 26", 1.5));
        assertThat(model.hours().get(9)).isEqualTo(new DashboardViewModel.Bar("sept. 26", 0.8));
        assertThat(model.domains()).extracting(DashboardViewModel.Bar::value).containsExactly(1.0, 2.0, 0.0);

        model.noContactDaysProperty().set(20);
        model.load();
        assertThat(tile(model, "noContact").label()).isEqualTo("Sans contact depuis 20 jours");
        assertThat(tile(model, "noContact").value()).isEqualTo("1");
    }

    @Test
    void aTileOpensTheListBehindItAPageAtATime() {
        for (int i = 0; i < DashboardViewModel.PAGE + 5; i++) {
            app.context().beneficiaries().save(TestData.beneficiary(author).firstName("Personne" + i).lastName("Zed").build(), author);
        }
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();

        model.open(tile(model, "noContact"));
        assertThat(model.openedProperty().get().figure()).isEqualTo(Figure.NO_CONTACT);
        assertThat(model.listTitleProperty().get()).isEqualTo("Sans contact depuis 14 jours");
        assertThat(model.rows()).hasSize(DashboardViewModel.PAGE);
        assertThat(model.rows().get(0).name()).isEqualTo("Jeanne Martin");
        assertThat(model.rows().get(0).detail()).isEqualTo("Dernier contact le 10/11/2026, il y a 15 jours");
        assertThat(model.rows().get(1).detail()).isEqualTo("Aucun contact enregistré");
        assertThat(model.listCountProperty().get()).isEqualTo("50 affichés sur 57");
        assertThat(model.hasMoreProperty().get()).isTrue();

        model.more();
        assertThat(model.rows()).hasSize(57);
        assertThat(model.hasMoreProperty().get()).isFalse();
        assertThat(model.listCountProperty().get()).isEqualTo("57 affichés sur 57");

        model.closeList();
        assertThat(model.openedProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void aRefreshShowsWhatChangedAndKeepsTheOpenList() {
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();
        model.open(tile(model, "hours"));
        assertThat(model.rows()).extracting(DashboardViewModel.Row::detail).containsExactly("Le 10/11/2026 : 1 h 30");

        record(LocalDate.of(2026, 11, 24), 60);
        model.refresh();

        assertThat(tile(model, "hours").value()).isEqualTo("2 h 30");
        assertThat(tile(model, "noContact").value()).isEqualTo("1");
        assertThat(model.openedProperty().get().figure()).isEqualTo(Figure.HOURS_THIS_MONTH);
        assertThat(model.rows()).extracting(DashboardViewModel.Row::detail)
                .containsExactly("Le 24/11/2026 : 1 h", "Le 10/11/2026 : 1 h 30");
    }

    @Test
    void anUnmetNeedSaysHowLongItHasWaited() {
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();
        model.open(tile(model, "unmet"));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Jeanne Martin");
            assertThat(row.detail()).isEqualTo("Ouvert le 20/11/2026, en attente depuis 5 jours");
            assertThat(row.line().file()).isEqualTo(jeanne.id());
        });
    }
}
