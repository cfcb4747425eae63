package fr.cercle.app.dashboard;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.profile.ProfileRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dropout path on the dashboard without a screen: the bars of the steps and of the year's outcomes,
 * the two tiles, the list behind a bar, and counts only for an evaluator. Today is 25 November 2026.
 */
class DashboardDropoutViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    StaffId author;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        author = app.context().author();
        pupil("Théo", new DropoutPath(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 20), null, null, null, null));
        pupil("Inès", new DropoutPath(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 5), null, null, null, null));
        pupil("Léa", new DropoutPath(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 5, 1), DropoutOutcome.APPRENTICESHIP, LocalDate.of(2026, 9, 1)));
        pupil("Hugo", new DropoutPath(LocalDate.of(2026, 2, 1), null, null, null, DropoutOutcome.UNREACHABLE,
                LocalDate.of(2026, 6, 1)));
    }

    @AfterEach
    void close() {
        app.close();
    }

    void pupil(String firstName, DropoutPath path) {
        Beneficiary file = TestData.beneficiary(author).firstName(firstName).lastName("Martin")
                .birthDate(LocalDate.of(2007, 1, 15)).domains(Set.of(Domain.SCHOOL)).build();
        app.context().beneficiaries().save(file, author);
        new ProfileRepository(app.db().dsl(), app.db().writer(), app.db().clock(), TestData.ALL_ACCESS)
                .save(SchoolProfile.empty(file.id()).withPath(path), author);
    }

    /** The founder (coordinator) entitled to the school domain, as a PSAD's coordinator is. */
    void signInAs(Set<Role> roles, Optional<StaffId> staff, Set<Domain> domains) {
        AccountRepository accounts = app.context().accounts();
        accounts.save(new Account("someone", staff, roles), TestApp.FOUNDER);
        var viewer = accounts.viewer("someone");
        app.context().viewerProperty().set(new fr.cercle.model.access.Viewer(viewer.login(), viewer.staff(), viewer.roles(), domains));
    }

    DashboardViewModel.DropoutBar bar(DashboardViewModel model, String label) {
        return model.dropout().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theStepsAndTheYearsOutcomesAreBarsThatOpenTheirLists() {
        signInAs(Set.of(Role.COORDINATOR), Optional.of(author), Set.of(Domain.SCHOOL));
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();

        assertThat(model.dropoutShownProperty().get()).isTrue();
        assertThat(model.dropout()).extracting(DashboardViewModel.DropoutBar::label).containsExactly(
                "Repéré", "Contacté", "Situation évaluée", "Accompagné",
                "Retour en formation scolaire", "Apprentissage", "Formation professionnelle", "Emploi", "Injoignable",
                "A refusé l’accompagnement");
        assertThat(model.dropout()).extracting(DashboardViewModel.DropoutBar::value).containsExactly(0, 2, 0, 0, 0, 1, 0, 0, 1, 0);
        assertThat(model.dropoutTiles()).extracting(DashboardViewModel.Tile::value).containsExactly("2", "1");
        assertThat(model.dropoutTiles().get(1).label()).isEqualTo("Solutions trouvées");
        assertThat(model.dropoutTiles().get(1).hint()).isEqualTo("Sur 2 suivis terminés en 12 mois");

        model.open(bar(model, "Contacté").tile());
        assertThat(model.openedProperty().get().figure()).isEqualTo(Figure.DROPOUT_FOLLOWED);
        assertThat(model.listTitleProperty().get()).isEqualTo("Jeunes en cours de suivi — dernière étape : Contacté");
        assertThat(model.rows()).extracting(DashboardViewModel.Row::name).containsExactly("Inès Martin", "Théo Martin");
        assertThat(model.rows().get(1).detail()).isEqualTo("Contacté le 20/09/2026, il y a 66 jours");
        assertThat(model.rows().get(0).line().file()).isNotNull();

        model.open(bar(model, "Apprentissage").tile());
        assertThat(model.rows()).extracting(DashboardViewModel.Row::name, DashboardViewModel.Row::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Léa Martin", "Apprentissage : suivi terminé le 01/09/2026"));

        model.open(model.dropoutTiles().get(0));
        assertThat(model.rows()).as("every young person followed, each line saying which step they reached")
                .extracting(DashboardViewModel.Row::detail)
                .containsExactly("Contacté le 05/09/2026, il y a 81 jours", "Contacté le 20/09/2026, il y a 66 jours");
    }

    @Test
    void anEvaluatorSeesTheCountsButOpensNoList() {
        signInAs(Set.of(Role.EVALUATOR), Optional.empty(), Set.of());
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();

        assertThat(model.dropoutShownProperty().get()).isTrue();
        assertThat(bar(model, "Contacté").value()).isEqualTo(2);
        assertThat(model.dropout()).noneMatch(b -> b.tile().opens());
        assertThat(model.dropoutTiles()).noneMatch(DashboardViewModel.Tile::opens);
        model.open(bar(model, "Contacté").tile());
        assertThat(model.openedProperty().get()).isNull();
    }

    @Test
    void whoDoesNotSeeSchoolFilesHasNoDropoutSection() {
        signInAs(Set.of(Role.COORDINATOR), Optional.of(author), Set.of(Domain.ELDERLY));
        DashboardViewModel model = new DashboardViewModel(app.context());
        model.load();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.dropoutShownProperty().get()).isFalse();
        assertThat(model.dropout()).isEmpty();
    }
}
