package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BeneficiaryRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Beneficiary.Builder valid() {
        return Beneficiary.builder()
                .firstName("Jeanne").lastName("Martin").birthDate(LocalDate.of(1938, 3, 2))
                .address(new Address("3 rue des Lilas", "23300", new InseeCode("23176")))
                .contact(new Contact("05 55 63 00 00", null))
                .domains(Set.of(Domain.ELDERLY))
                .referent(StaffId.newId())
                .consent(new Consent(LocalDate.of(2026, 1, 5), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM));
    }

    @Test
    void aCompleteFileHasNoProblem() {
        assertThat(BeneficiaryRules.validate(valid().build(), TODAY)).isEmpty();
    }

    @Test
    void anEmptyFileListsEveryMissingFieldAtOnce() {
        Beneficiary empty = Beneficiary.builder().status(null).build();

        List<Problem> problems = BeneficiaryRules.validate(empty, TODAY);

        assertThat(problems).extracting(Problem::field, Problem::rule).containsExactlyInAnyOrder(
                tuple(Beneficiary.FIRST_NAME, Rule.REQUIRED),
                tuple(Beneficiary.LAST_NAME, Rule.REQUIRED),
                tuple(Beneficiary.BIRTH_DATE, Rule.REQUIRED),
                tuple(Beneficiary.COMMUNE, Rule.REQUIRED),
                tuple(Beneficiary.DOMAINS, Rule.AT_LEAST_ONE),
                tuple(Beneficiary.STATUS, Rule.REQUIRED),
                tuple(Beneficiary.REFERENT, Rule.REQUIRED),
                tuple(Beneficiary.CONSENT_DATE, Rule.REQUIRED),
                tuple(Beneficiary.CONSENT_SCOPE, Rule.REQUIRED),
                tuple(Beneficiary.CONSENT_METHOD, Rule.REQUIRED));
    }

    @Test
    void datesMustBePlausible() {
        Beneficiary future = valid().birthDate(TODAY.plusDays(1))
                .consent(new Consent(TODAY.plusDays(3), ConsentScope.FOLLOW_UP, ConsentMethod.ORAL)).build();
        Beneficiary tooOld = valid().birthDate(LocalDate.of(1899, 12, 31)).build();

        assertThat(BeneficiaryRules.validate(future, TODAY)).extracting(Problem::field, Problem::rule)
                .containsExactlyInAnyOrder(tuple(Beneficiary.BIRTH_DATE, Rule.IN_FUTURE),
                        tuple(Beneficiary.CONSENT_DATE, Rule.IN_FUTURE));
        assertThat(BeneficiaryRules.validate(tooOld, TODAY)).extracting(Problem::field, Problem::rule)
                .containsExactly(tuple(Beneficiary.BIRTH_DATE, Rule.TOO_OLD));
    }

    @Test
    void phoneAndEmailMustBeUsable() {
        Beneficiary wrong = valid().contact(new Contact("05 55", "jeanne.martin@")).build();
        Beneficiary international = valid().contact(new Contact("+44 20 7946 0958", "j.martin@example.fr")).build();

        assertThat(BeneficiaryRules.validate(wrong, TODAY)).extracting(Problem::field, Problem::rule)
                .containsExactlyInAnyOrder(tuple(Beneficiary.PHONE, Rule.INVALID_PHONE),
                        tuple(Beneficiary.EMAIL, Rule.INVALID_EMAIL));
        assertThat(BeneficiaryRules.validate(international, TODAY)).isEmpty();
    }

    @Test
    void longTextsAreRefusedWithTheirLimit() {
        Beneficiary verbose = valid().lastName("x".repeat(101)).situation("y".repeat(4001)).build();

        assertThat(BeneficiaryRules.validate(verbose, TODAY)).containsExactlyInAnyOrder(
                Problem.of(Beneficiary.LAST_NAME, Rule.TOO_LONG, 100),
                Problem.of(Beneficiary.SITUATION, Rule.TOO_LONG, 4000));
    }

    @Test
    void blankOptionalTextsAreStoredAsAbsent() {
        Beneficiary b = valid().situation("   ").contact(new Contact(" ", "")).build();

        assertThat(b.situation()).isNull();
        assertThat(b.contact().isEmpty()).isTrue();
    }

    @Test
    void aMinorsConsentNamesTheParentOrLegalRepresentativeWhoGaveIt() {
        LocalDate consentDay = LocalDate.of(2026, 9, 15);
        Beneficiary pupil = valid().birthDate(LocalDate.of(2010, 9, 16))
                .consent(new Consent(consentDay, ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM)).build();
        Beneficiary adultThatDay = pupil.toBuilder().birthDate(LocalDate.of(2008, 9, 15)).build();

        assertThat(BeneficiaryRules.validate(pupil, TODAY)).extracting(Problem::field, Problem::rule)
                .containsExactly(tuple(Beneficiary.CONSENT_GUARDIAN, Rule.GUARDIAN_REQUIRED));
        assertThat(BeneficiaryRules.validate(pupil.toBuilder().consent(new Consent(consentDay, ConsentScope.FOLLOW_UP,
                ConsentMethod.SIGNED_FORM, "Mme Nadia Benali, sa mère", null)).build(), TODAY)).isEmpty();
        assertThat(BeneficiaryRules.validate(adultThatDay, TODAY)).as("18 that very day").isEmpty();
    }

    @Test
    void aConsentIsWithdrawnAfterItWasGivenAndNotInTheFuture() {
        LocalDate given = LocalDate.of(2026, 1, 5);
        Beneficiary withdrawn = valid().consent(new Consent(given, ConsentScope.FOLLOW_UP, ConsentMethod.ORAL, null,
                LocalDate.of(2026, 6, 1))).build();

        assertThat(BeneficiaryRules.validate(withdrawn, TODAY)).isEmpty();
        assertThat(withdrawn.consent().withdrawn()).isTrue();
        assertThat(BeneficiaryRules.validate(withdrawn.toBuilder().consent(new Consent(given, ConsentScope.FOLLOW_UP,
                ConsentMethod.ORAL, null, given.minusDays(1))).build(), TODAY))
                .extracting(Problem::field, Problem::rule)
                .containsExactly(tuple(Beneficiary.CONSENT_WITHDRAWN_ON, Rule.BEFORE_CONSENT));
        assertThat(BeneficiaryRules.validate(withdrawn.toBuilder().consent(new Consent(given, ConsentScope.FOLLOW_UP,
                ConsentMethod.ORAL, null, TODAY.plusDays(1))).build(), TODAY))
                .extracting(Problem::field, Problem::rule)
                .containsExactly(tuple(Beneficiary.CONSENT_WITHDRAWN_ON, Rule.IN_FUTURE));
    }
}
