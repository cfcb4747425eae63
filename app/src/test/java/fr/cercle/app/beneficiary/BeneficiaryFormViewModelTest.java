package fr.cercle.app.beneficiary;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BeneficiaryFormViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    List<BeneficiarySummary> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
    }

    @AfterEach
    void close() {
        app.close();
    }

    BeneficiaryFormViewModel newForm() {
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        form.setOnSaved(saved::add);
        form.startNew();
        return form;
    }

    void fillJeanne(BeneficiaryFormViewModel form) {
        form.firstNameProperty().set("Jeanne");
        form.lastNameProperty().set("Martin");
        form.birthDateProperty().set(LocalDate.of(1938, 3, 2));
        form.communeProperty().set(app.context().communes().find(new InseeCode("23176")).orElseThrow());
        form.domainProperty(Domain.ELDERLY).set(true);
        form.consentScopeProperty().set(ConsentScope.FOLLOW_UP_AND_HELPERS);
        form.consentMethodProperty().set(ConsentMethod.ORAL);
    }

    @Test
    void aNewFormIsReferredToTheAuthorWithConsentDatedToday() {
        BeneficiaryFormViewModel form = newForm();

        assertThat(form.referentProperty().get()).isEqualTo(app.context().currentStaffProperty().get());
        assertThat(form.consentDateProperty().get()).isEqualTo(LocalDate.now(TestData.CLOCK));
        assertThat(form.staffChoices()).containsExactly(app.context().currentStaffProperty().get());
        assertThat(form.hasChanges()).isFalse();
    }

    @Test
    void anEmptyFormSavesNothingAndSaysWhatToFixNextToEachField() {
        BeneficiaryFormViewModel form = newForm();

        assertThat(form.save()).isFalse();

        assertThat(form.error(Beneficiary.FIRST_NAME).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(form.error(Beneficiary.DOMAINS).get()).isEqualTo("Cochez au moins un choix.");
        assertThat(form.errors()).containsOnlyKeys(Beneficiary.FIRST_NAME, Beneficiary.LAST_NAME, Beneficiary.BIRTH_DATE,
                Beneficiary.COMMUNE, Beneficiary.DOMAINS, Beneficiary.CONSENT_SCOPE, Beneficiary.CONSENT_METHOD);
        assertThat(app.context().beneficiaries().count()).isZero();
        assertThat(saved).isEmpty();
    }

    @Test
    void anUnreadableDateIsNamedAsSuch() {
        BeneficiaryFormViewModel form = newForm();
        fillJeanne(form);
        form.birthDateUnreadableProperty().set(true);

        assertThat(form.save()).isFalse();

        assertThat(form.error(Beneficiary.BIRTH_DATE).get()).startsWith("Date illisible");
    }

    @Test
    void aCompleteFormIsSavedWithTheCommunesPostalCode() {
        BeneficiaryFormViewModel form = newForm();
        fillJeanne(form);

        assertThat(form.save()).isTrue();

        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.fullName()).isEqualTo("Jeanne Martin");
            assertThat(s.communeName()).isEqualTo("La Souterraine");
            assertThat(s.postalCode()).isEqualTo("23300");
        });
        assertThat(form.errors()).isEmpty();
        assertThat(form.existingProperty().get()).isTrue();
        assertThat(app.db().journal().entriesFor("beneficiary", form.id().value())).hasSize(1);
    }

    @Test
    void aMinorsConsentNamesTheParentWhoGaveItAndAWithdrawalIsKept() {
        BeneficiaryFormViewModel form = newForm();
        fillJeanne(form);
        form.firstNameProperty().set("Lucas");
        form.birthDateProperty().set(LocalDate.of(2012, 5, 4));
        form.domainProperty(Domain.SCHOOL).set(true);

        assertThat(form.save()).isFalse();
        assertThat(form.errors()).containsOnlyKeys(Beneficiary.CONSENT_GUARDIAN);
        assertThat(form.errors().get(Beneficiary.CONSENT_GUARDIAN)).startsWith("La personne était mineure");

        form.consentGuardianProperty().set("Mme Nadia Martin, sa mère");
        form.consentDateProperty().set(LocalDate.of(2026, 9, 1));
        form.consentWithdrawnOnProperty().set(LocalDate.of(2026, 11, 20));
        assertThat(form.save()).isTrue();

        Consent kept = app.context().beneficiaries().find(form.id()).orElseThrow().consent();
        assertThat(kept.guardian()).isEqualTo("Mme Nadia Martin, sa mère");
        assertThat(kept.withdrawnOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(kept.withdrawn()).isTrue();
    }

    @Test
    void aPossibleDuplicateIsShownBeforeSavingAndSavedOnlyWhenConfirmed() {
        BeneficiaryFormViewModel first = newForm();
        fillJeanne(first);
        first.save();
        BeneficiaryFormViewModel second = newForm();
        fillJeanne(second);
        second.firstNameProperty().set("JEANNE");

        second.save();

        assertThat(second.duplicates()).singleElement()
                .satisfies(d -> assertThat(d.existing().id()).isEqualTo(first.id()));
        assertThat(app.context().beneficiaries().count()).isEqualTo(1);

        second.confirmNotADuplicate();

        assertThat(second.duplicates()).isEmpty();
        assertThat(app.context().beneficiaries().count()).isEqualTo(2);
    }

    @Test
    void anExistingFileLoadsEditsAndCloses() {
        BeneficiaryFormViewModel created = newForm();
        fillJeanne(created);
        created.save();

        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        form.setOnSaved(saved::add);
        form.load(created.id());

        assertThat(form.titleProperty().get()).isEqualTo("Jeanne Martin");
        assertThat(form.communeProperty().get().name()).isEqualTo("La Souterraine");
        assertThat(form.hasChanges()).isFalse();
        form.phoneProperty().set("05 55 63 00 00");
        assertThat(form.hasChanges()).isTrue();
        form.save();
        assertThat(app.context().beneficiaries().find(created.id()).orElseThrow().contact().phone()).isEqualTo("05 55 63 00 00");
        assertThat(form.duplicates()).isEmpty();

        form.closeFile();

        assertThat(app.context().beneficiaries().find(created.id()).orElseThrow().status()).isEqualTo(BeneficiaryStatus.CLOSED);
        assertThat(saved).last().extracting(BeneficiarySummary::status).isEqualTo(BeneficiaryStatus.CLOSED);
    }

    @Test
    void aFileChangedElsewhereShowsAsItIsNowAndWhatThePersonTypedStaysOverIt() {
        var author = app.context().author();
        Beneficiary jeanne = TestData.beneficiary(author).build();
        app.context().beneficiaries().save(jeanne, author);
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        form.setOnSaved(saved::add);
        form.load(jeanne.id());
        form.phoneProperty().set("06 11 22 33 44");

        // A sync brings the town hall's changes to the same file meanwhile.
        app.context().beneficiaries().save(jeanne.withStatus(BeneficiaryStatus.PAUSED).toBuilder()
                .situation("Hospitalisée depuis lundi.").build(), author);
        form.refresh();

        assertThat(form.statusProperty().get()).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(form.situationProperty().get()).isEqualTo("Hospitalisée depuis lundi.");
        assertThat(form.phoneProperty().get()).isEqualTo("06 11 22 33 44");
        assertThat(form.hasChanges()).isTrue();
        assertThat(form.save()).isTrue();
        Beneficiary stored = app.context().beneficiaries().find(jeanne.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(stored.situation()).isEqualTo("Hospitalisée depuis lundi.");
        assertThat(stored.contact().phone()).isEqualTo("06 11 22 33 44");

        app.context().beneficiaries().save(stored.withStatus(BeneficiaryStatus.ACTIVE), author);
        form.refresh();
        assertThat(form.statusProperty().get()).isEqualTo(BeneficiaryStatus.ACTIVE);
        assertThat(form.hasChanges()).isFalse();
    }
}
