package fr.cercle.app.beneficiary.profile;

import fr.cercle.app.TestApp;
import fr.cercle.app.beneficiary.BeneficiaryFormViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.AggirScore;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain parts of the form, without a screen: the GIR as the grid is filled, checks, saving with the file. */
class ProfilesViewModelTest {

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        // Claire, the founder, follows elderly people only: she does not see the health and school parts.
        assertThat(new ProfilesViewModel(app.context()).sees(Domain.HEALTH)).isFalse();
        assertThat(new ProfilesViewModel(app.context()).sees(Domain.ELDERLY)).isTrue();
        StaffMember ines = new StaffMember(StaffId.newId(), "Inès", "Blanc", "CCAS", Set.of(Domain.values()), true);
        new StaffRepository(app.db().dsl(), app.db().writer(), TestData.ALL_ACCESS).save(ines, ines.id());
        app.actAsFounder(ines);
    }

    @AfterEach
    void close() {
        app.close();
    }

    BeneficiaryFormViewModel newForm(Domain domain, LocalDate birth) {
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        form.startNew();
        form.firstNameProperty().set("Jeanne");
        form.lastNameProperty().set("Martin");
        form.birthDateProperty().set(birth);
        form.communeProperty().set(app.context().communes().find(new InseeCode("23176")).orElseThrow());
        form.domainProperty(domain).set(true);
        form.consentScopeProperty().set(ConsentScope.FOLLOW_UP_AND_HELPERS);
        form.consentMethodProperty().set(ConsentMethod.ORAL);
        return form;
    }

    ProfileRepository profiles() {
        return new ProfileRepository(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer());
    }

    static void score(ElderlyProfileViewModel m, String tenScores) {
        for (AggirVariable v : AggirVariable.values()) {
            m.scoreProperty(v).set(AggirScore.valueOf(String.valueOf(tenScores.charAt(v.ordinal()))));
        }
    }

    @Test
    void theGirShowsAsSoonAsTheTenVariablesAreScoredWithWhatItOpens() {
        ElderlyProfileViewModel m = new ProfilesViewModel(app.context()).elderly();
        assertThat(m.girTextProperty().get()).isEqualTo("Le GIR s’affichera ici quand les 10 activités seront renseignées.");

        m.scoreProperty(AggirVariable.COHERENCE).set(AggirScore.C);
        m.scoreProperty(AggirVariable.ORIENTATION).set(AggirScore.C);
        m.scoreProperty(AggirVariable.WASHING).set(AggirScore.B);
        assertThat(m.girProperty().get()).isNull();
        assertThat(m.girTextProperty().get())
                .isEqualTo("3 activités sur 10 renseignées : le GIR s’affichera quand toutes le seront.");

        score(m, "CCBBBBBBBB");
        assertThat(m.girProperty().get()).isEqualTo(Gir.GIR_2);
        assertThat(m.girTextProperty().get()).isEqualTo("GIR 2 — ouvre droit à l’APA");

        score(m, "AAAAAAAAAA");
        assertThat(m.girTextProperty().get()).isEqualTo("GIR 6 — n’ouvre pas droit à l’APA (réservée aux GIR 1 à 4)");
        m.scoreProperty(AggirVariable.REMOTE_COMMUNICATION).set(null);
        assertThat(m.girProperty().get()).isNull();
    }

    @Test
    void aFileIsSavedWithItsElderlyProfileAndTheFormShowsItAgain() {
        BeneficiaryFormViewModel form = newForm(Domain.ELDERLY, LocalDate.of(1938, 3, 2));
        ElderlyProfileViewModel m = form.profiles().elderly();
        score(m, "CCBBBBBBBB");
        m.assessedOnProperty().set(LocalDate.of(2026, 11, 2));
        m.apaProperty().set(ApaStatus.GRANTED);
        m.livesAloneProperty().set(true);
        m.emergencyNameProperty().set("Claire Martin");
        m.emergencyPhoneProperty().set("06 12 34 56 78");
        m.registeredProperty().set(true);
        m.registeredOnProperty().set(LocalDate.of(2026, 6, 2));
        m.requestedByProperty().set(HeatwaveRequester.SELF);
        m.requesterNameProperty().set("typed, then not needed");
        m.capacityProperty().set(HeatwaveCapacity.AGED_65);
        assertThat(form.hasChanges()).isTrue();

        assertThat(form.save()).isTrue();
        assertThat(form.failureProperty().get()).isNull();
        Beneficiary jeanne = form.toBeneficiary();
        ElderlyProfile stored = profiles().elderly(jeanne.id()).orElseThrow();
        assertThat(stored.aggir()).isEqualTo(AggirGrid.of("CCBBBBBBBB"));
        assertThat(stored.heatwave().requesterName()).as("only asked when someone else asked").isNull();
        assertThat(form.hasChanges()).isFalse();

        BeneficiaryFormViewModel again = new BeneficiaryFormViewModel(app.context());
        again.load(jeanne.id());
        assertThat(again.profiles().elderly().girTextProperty().get()).isEqualTo("GIR 2 — ouvre droit à l’APA");
        assertThat(again.profiles().elderly().registeredProperty().get()).isTrue();
        assertThat(again.hasChanges()).isFalse();
        again.profiles().elderly().livesAloneProperty().set(false);
        assertThat(again.hasChanges()).isTrue();
    }

    @Test
    void anIncompleteGridAndAnApaWithoutTheGirSayWhatToFixAndSaveNothing() {
        BeneficiaryFormViewModel form = newForm(Domain.ELDERLY, LocalDate.of(1938, 3, 2));
        ElderlyProfileViewModel m = form.profiles().elderly();
        m.scoreProperty(AggirVariable.COHERENCE).set(AggirScore.A);
        assertThat(form.save()).isFalse();
        assertThat(form.error(ElderlyProfile.AGGIR).get()).isEqualTo("Il reste 9 activités à renseigner pour calculer le GIR.");

        score(m, "AAAAAAAAAA");
        m.assessedOnProperty().set(LocalDate.of(2026, 11, 2));
        m.apaProperty().set(ApaStatus.GRANTED);
        assertThat(form.save()).isFalse();
        assertThat(form.error(ElderlyProfile.APA).get())
                .isEqualTo("L’APA est accordée aux GIR 1 à 4 ; la dernière évaluation donne le GIR 6.");
        assertThat(app.context().beneficiaries().count()).isZero();
    }

    @Test
    void theDropoutPathIsCheckedInOrderAndAMinorNeedsAParentsConsent() {
        BeneficiaryFormViewModel form = newForm(Domain.SCHOOL, LocalDate.of(2011, 4, 3));
        form.consentGuardianProperty().set("Mme Martin, sa mère");
        SchoolProfileViewModel m = form.profiles().school();
        m.schoolProperty().set("Collège Jean Moulin");
        m.stepProperty(DropoutStep.SPOTTED).set(LocalDate.of(2026, 9, 10));
        m.stepProperty(DropoutStep.ASSESSED).set(LocalDate.of(2026, 10, 1));
        m.absentHalfDaysProperty().set("quatre");
        assertThat(m.pathTextProperty().get()).isEqualTo("Où en est le suivi : Situation évaluée, le 01/10/2026.");

        assertThat(form.save()).isFalse();
        assertThat(form.error(SchoolProfile.DROPOUT_ASSESSED_ON).get())
                .isEqualTo("Une étape précédente n’a pas de date : renseignez-la d’abord.");
        assertThat(form.error(SchoolProfile.PARENTAL_CONSENT_DATE).get())
                .isEqualTo("Pour un élève mineur, indiquez la date de l’accord d’un parent.");
        assertThat(form.error(SchoolProfile.ABSENT_HALF_DAYS).get()).isEqualTo("Indiquez un nombre entier, par exemple 4.");

        m.stepProperty(DropoutStep.CONTACTED).set(LocalDate.of(2026, 9, 20));
        m.absentHalfDaysProperty().set("4");
        m.parentalConsentDateProperty().set(LocalDate.of(2026, 9, 12));
        m.parentalConsentByProperty().set("Mme Martin, sa mère");
        assertThat(form.save()).isTrue();
        SchoolProfile stored = profiles().school(form.toBeneficiary().id()).orElseThrow();
        assertThat(stored.path().lastStep()).contains(DropoutStep.ASSESSED);
        assertThat(stored.absentHalfDays()).isEqualTo(4);
    }

    @Test
    void aDomainUntickedLeavesItsPartAsItWasAndUnsaved() {
        BeneficiaryFormViewModel form = newForm(Domain.HEALTH, LocalDate.of(1960, 5, 1));
        form.domainProperty(Domain.ELDERLY).set(false);
        score(form.profiles().elderly(), "CCCCCCCCCC");
        assertThat(form.save()).as(form.errors().toString()).isTrue();
        assertThat(profiles().elderly(form.toBeneficiary().id())).isEmpty();
        assertThat(form.profiles().sees(Domain.HEALTH)).isTrue();
    }
}
