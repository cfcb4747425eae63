package fr.cercle.app.need;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
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

/** The circle of a person, without a screen: needs, a new need, ranked candidates with their reasons, the choice. */
class NeedsViewModelTest {

    static final WeeklySlot TUESDAY_AFTERNOON = new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON);

    @TempDir
    Path dir;
    TestApp app;
    StaffId author;
    Beneficiary jeanne;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        author = app.context().author();
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
    }

    @AfterEach
    void close() {
        app.close();
    }

    NeedsViewModel circleOf(Beneficiary person) {
        NeedsViewModel model = new NeedsViewModel(app.context(), person.id());
        model.load();
        return model;
    }

    Helper helper(Helper.Builder builder) {
        Helper helper = builder.build();
        app.context().helpers().save(helper, author);
        return helper;
    }

    /** A need of Jeanne's opened five days ago, for a visit on Tuesday afternoons. */
    Need visitOpenedFiveDaysAgo(boolean check) {
        Need need = Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(TUESDAY_AFTERNOON), check,
                LocalDate.of(2026, 11, 20));
        app.context().needs().save(need, author);
        return need;
    }

    @Test
    void anEmptyCircleSaysSoAndANewNeedIsCheckedBeforeItIsSaved() {
        NeedsViewModel model = circleOf(jeanne);
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.needs()).isEmpty();

        model.startNewNeed();
        assertThat(model.editingProperty().get()).isTrue();
        assertThat(model.backgroundCheckProperty().get()).isFalse();
        assertThat(model.saveNeed()).isFalse();
        assertThat(model.errors()).containsEntry(Need.KIND, "Ce champ est obligatoire.")
                .containsEntry(Need.FREQUENCY, "Ce champ est obligatoire.");
        assertThat(app.context().needs().ofFile(jeanne.id())).isEmpty();

        model.kindProperty().set(NeedKind.SHOPPING);
        assertThat(model.errors()).as("a message goes once its field changes").doesNotContainKey(Need.KIND)
                .containsKey(Need.FREQUENCY);
        model.frequencyProperty().set(Frequency.WEEKLY);
        model.slotProperty(TUESDAY_AFTERNOON).set(true);
        model.noteProperty().set("Préfère le marché du jeudi.");
        assertThat(model.saveNeed()).isTrue();

        assertThat(model.editingProperty().get()).isFalse();
        assertThat(model.errors()).isEmpty();
        assertThat(model.needs()).singleElement().satisfies(row -> {
            assertThat(row.open()).isTrue();
            assertThat(row.title()).isEqualTo("Courses — chaque semaine");
            assertThat(row.statusText()).isEqualTo("Sans aidant");
            assertThat(row.since()).isEqualTo("Sans aidant depuis le 25/11/2026 (ouvert aujourd’hui)");
        });
        Need stored = app.context().needs().ofFile(jeanne.id()).get(0);
        assertThat(stored.slots()).containsExactly(TUESDAY_AFTERNOON);
        assertThat(stored.note()).isEqualTo("Préfère le marché du jeudi.");
        assertThat(stored.backgroundCheckRequired()).isFalse();
    }

    @Test
    void forAMinorTheBackgroundCheckIsRequiredAndStaysTicked() {
        Beneficiary lina = TestData.beneficiary(author).firstName("Lina").birthDate(LocalDate.of(2012, 4, 1))
                .consent(new Consent(LocalDate.of(2026, 1, 5), ConsentScope.FOLLOW_UP_AND_HELPERS,
                        ConsentMethod.LEGAL_REPRESENTATIVE, "Mme Haddad, sa mère", null))
                .domains(Set.of(Domain.SCHOOL)).build();
        app.context().beneficiaries().save(lina, author);
        NeedsViewModel model = circleOf(lina);
        assertThat(model.minorProperty().get()).isTrue();

        model.startNewNeed();
        assertThat(model.backgroundCheckProperty().get()).isTrue();
        model.backgroundCheckProperty().set(false);
        assertThat(model.backgroundCheckProperty().get()).isTrue();

        model.kindProperty().set(NeedKind.HOMEWORK_HELP);
        model.frequencyProperty().set(Frequency.TWICE_A_WEEK);
        assertThat(model.saveNeed()).isTrue();
        assertThat(app.context().needs().ofFile(lina.id())).singleElement()
                .satisfies(need -> assertThat(need.backgroundCheckRequired()).isTrue());
    }

    @Test
    void helpersAreRankedWithTheirReasonsAndTheOneChosenMeetsTheNeed() {
        Helper karim = helper(TestData.helper());
        helper(TestData.helper().firstName("Luc").lastName("Loin").commune(new InseeCode("87085"))
                .languages(Set.of()).availability(Set.of()));
        helper(TestData.helper().firstName("Sam").lastName("Sanscasier").backgroundCheck(BackgroundCheck.NOT_REQUESTED));
        Need need = visitOpenedFiveDaysAgo(true);
        NeedsViewModel model = circleOf(jeanne);
        assertThat(model.needs()).singleElement().satisfies(row -> {
            assertThat(row.since()).isEqualTo("Sans aidant depuis le 20/11/2026 (5 jours)");
            assertThat(row.details()).isEqualTo("Moments souhaités : mardi après-midi · Extrait de casier judiciaire exigé");
        });

        model.findHelpers(need);

        assertThat(model.searchedForProperty().get()).isEqualTo(need.id());
        assertThat(model.noCandidateProperty().get()).isNull();
        assertThat(model.candidates()).extracting(NeedsViewModel.CandidateRow::name)
                .as("no one without a valid check where one is required").containsExactly("Karim Benali", "Luc Loin");
        NeedsViewModel.CandidateRow first = model.candidates().get(0);
        assertThat(first.skills()).isEqualTo("Sait faire : Visites de convivialité — Manque : —");
        assertThat(first.proximity()).isEqualTo("Habite la même commune");
        assertThat(first.slots()).isEqualTo("Disponible : mardi après-midi");
        assertThat(first.load()).isEqualTo("Engagements : 0 sur 2");
        assertThat(first.languages()).isEqualTo("Parle : arabe, français");
        NeedsViewModel.CandidateRow second = model.candidates().get(1);
        assertThat(second.proximity()).isEqualTo("Habite plus loin");
        assertThat(second.slots()).isEqualTo("Aucun moment souhaité en commun");
        assertThat(second.languages()).isEmpty();

        model.assign(first);

        assertThat(model.searchedForProperty().get()).isNull();
        assertThat(model.candidates()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo("Karim Benali est désormais l’aidant de ce besoin.");
        assertThat(model.needs()).singleElement().satisfies(row -> {
            assertThat(row.open()).isFalse();
            assertThat(row.statusText()).isEqualTo("Aidant trouvé");
            assertThat(row.since()).isEqualTo("Aidant : Karim Benali, depuis le 25/11/2026 (trouvé en 5 jours)");
        });
        Need matched = app.context().needs().find(need.id()).orElseThrow();
        assertThat(matched.status()).isEqualTo(NeedStatus.MATCHED);
        assertThat(matched.helper()).isEqualTo(karim.id());
    }

    @Test
    void whenNoHelperIsProposedItSaysWhyInPlainWords() {
        Need mentoring = Need.open(jeanne.id(), NeedKind.MENTORING, Frequency.MONTHLY, Set.of(), false,
                LocalDate.of(2026, 11, 20));
        app.context().needs().save(mentoring, author);
        helper(TestData.helper().backgroundCheck(BackgroundCheck.NOT_REQUESTED).maxCommitments(1));
        NeedsViewModel model = circleOf(jeanne);

        model.findHelpers(mentoring);
        assertThat(model.candidates()).isEmpty();
        assertThat(model.noCandidateProperty().get()).isEqualTo("Aucun aidant actif ne sait faire : Mentorat.");

        Need checkedVisit = visitOpenedFiveDaysAgo(true);
        model.findHelpers(checkedVisit);
        assertThat(model.noCandidateProperty().get())
                .isEqualTo("Ce besoin exige un extrait de casier judiciaire, et aucun aidant qui sait le faire n’en a de valide.");

        Need visit = visitOpenedFiveDaysAgo(false);
        model.findHelpers(visit);
        assertThat(model.candidates()).hasSize(1);
        model.assign(model.candidates().get(0));
        Need shopping = Need.open(jeanne.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), false,
                LocalDate.of(2026, 11, 21));
        app.context().needs().save(shopping, author);
        model.findHelpers(shopping);
        assertThat(model.noCandidateProperty().get())
                .isEqualTo("Tous les aidants qui savent le faire ont déjà atteint leur nombre maximal d’engagements.");
    }

    @Test
    void reasonsSpeakTheInterfaceLanguage() {
        app.close();
        app = TestApp.installed(dir.resolve("en"), TaskRunner.direct(), Language.ENGLISH);
        author = app.context().author();
        jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        helper(TestData.helper());
        Need need = visitOpenedFiveDaysAgo(false);
        NeedsViewModel model = circleOf(jeanne);

        model.findHelpers(need);

        NeedsViewModel.CandidateRow first = model.candidates().get(0);
        assertThat(first.skills()).isEqualTo("Can do: Friendly visits — Missing: —");
        assertThat(first.slots()).isEqualTo("Available: Tuesday afternoon");
        assertThat(first.languages()).isEqualTo("Speaks: Arabic, French");
        assertThat(model.needs().get(0).since()).isEqualTo("No helper since 20/11/2026 (5 days)");
    }

    @Test
    void aNeedIsChangedInPlaceKeepingWhereItStandsThenClosed() {
        Helper karim = helper(TestData.helper());
        Need need = visitOpenedFiveDaysAgo(false);
        app.context().needs().save(need.assign(karim.id(), LocalDate.of(2026, 11, 22)), author);
        NeedsViewModel model = circleOf(jeanne);

        model.startChange(model.needs().get(0).need());
        assertThat(model.changingProperty().get().id()).isEqualTo(need.id());
        assertThat(model.kindProperty().get()).isEqualTo(NeedKind.VISIT);
        assertThat(model.slotProperty(TUESDAY_AFTERNOON).get()).isTrue();
        model.frequencyProperty().set(Frequency.TWICE_A_WEEK);
        model.slotProperty(new WeeklySlot(DayOfWeek.FRIDAY, DayPart.MORNING)).set(true);
        model.noteProperty().set("Le vendredi pour le marché");
        assertThat(model.saveNeed()).isTrue();

        assertThat(model.editingProperty().get()).isFalse();
        assertThat(app.context().needs().ofFile(jeanne.id())).singleElement().satisfies(changed -> {
            assertThat(changed.id()).isEqualTo(need.id());
            assertThat(changed.frequency()).isEqualTo(Frequency.TWICE_A_WEEK);
            assertThat(changed.slots()).contains(new WeeklySlot(DayOfWeek.FRIDAY, DayPart.MORNING));
            assertThat(changed.status()).isEqualTo(NeedStatus.MATCHED);
            assertThat(changed.helper()).isEqualTo(karim.id());
            assertThat(changed.openedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(changed.note()).isEqualTo("Le vendredi pour le marché");
        });

        model.close(model.needs().get(0).need());
        assertThat(model.noticeProperty().get()).isEqualTo("Le besoin est clos.");
        assertThat(model.needs().get(0).statusText()).isEqualTo("Terminé");
        assertThat(model.needs().get(0).since()).isEqualTo("Terminé (ouvert le 20/11/2026, aidant : Karim Benali)");
    }
}
