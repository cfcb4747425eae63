package fr.cercle.model.profile;

import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static Beneficiary person(LocalDate birth, Domain... domains) {
        return Beneficiary.builder().firstName("Lucie").lastName("Martin").birthDate(birth)
                .domains(domains.length == 0 ? Set.of() : EnumSet.of(domains[0], domains)).build();
    }

    static final Beneficiary LUCIE = person(LocalDate.of(1938, 3, 2), Domain.ELDERLY, Domain.HEALTH);
    static final Beneficiary THEO = person(LocalDate.of(2010, 9, 14), Domain.SCHOOL);

    @Test
    void aProfileIsTheSameRecordWhereverItIsStarted() {
        assertThat(ElderlyProfile.empty(LUCIE.id()).id()).isEqualTo(ElderlyProfile.empty(LUCIE.id()).id())
                .isNotEqualTo(HealthProfile.empty(LUCIE.id()).id())
                .isNotEqualTo(LUCIE.id().value());
        assertThat(SchoolProfile.empty(THEO.id()).id()).isEqualTo(Profiles.id(Domain.SCHOOL, THEO.id()));
    }

    @Test
    void anAssessmentGivesItsGirAndTheApaIsForGir1To4() {
        ElderlyProfile gir2 = elderly(AggirGrid.of("CCBBBBBBBB"), ApaStatus.GRANTED, HeatwaveRegistration.NONE);
        assertThat(gir2.gir()).contains(Gir.GIR_2);
        assertThat(gir2.validate(TODAY, LUCIE)).isEmpty();

        ElderlyProfile autonomous = elderly(AggirGrid.of("AAAAAAAAAA"), ApaStatus.GRANTED, HeatwaveRegistration.NONE);
        assertThat(autonomous.validate(TODAY, LUCIE)).containsExactly(Problem.of(ElderlyProfile.APA, Rule.APA_NEEDS_GIR_1_TO_4, 6));
    }

    @Test
    void anAssessmentHasItsDayAndADayHasItsGrid() {
        ElderlyProfile noDay = new ElderlyProfile(LUCIE.id(), AggirGrid.of("AAAAAAAAAA"), null, null, false, null, null, null);
        assertThat(noDay.validate(TODAY, LUCIE)).containsExactly(Problem.of(ElderlyProfile.ASSESSED_ON, Rule.REQUIRED));
        ElderlyProfile noGrid = new ElderlyProfile(LUCIE.id(), null, TODAY.plusDays(1), null, false, null, null, null);
        assertThat(noGrid.validate(TODAY, LUCIE)).containsExactly(
                Problem.of(ElderlyProfile.ASSESSED_ON, Rule.IN_FUTURE), Problem.of(ElderlyProfile.AGGIR, Rule.REQUIRED));
    }

    @Test
    void aRegistrationSaysWhenWhoAskedAndInWhichCapacity() {
        HeatwaveRegistration byNeighbour = new HeatwaveRegistration(LocalDate.of(2025, 6, 2), HeatwaveRequester.THIRD_PARTY,
                "Mme Roux, voisine", HeatwaveCapacity.AGED_65, "SSIAD du Val, 04 75 00 00 00");
        assertThat(elderly(null, null, byNeighbour).validate(TODAY, LUCIE)).isEmpty();

        HeatwaveRegistration unnamed = new HeatwaveRegistration(LocalDate.of(2025, 6, 2), HeatwaveRequester.THIRD_PARTY,
                null, null, null);
        assertThat(elderly(null, null, unnamed).validate(TODAY, LUCIE)).extracting(Problem::field)
                .containsExactly(ElderlyProfile.HEATWAVE_CAPACITY, ElderlyProfile.HEATWAVE_REQUESTER_NAME);

        HeatwaveRegistration undated = new HeatwaveRegistration(null, HeatwaveRequester.SELF, null, HeatwaveCapacity.AGED_65, null);
        assertThat(elderly(null, null, undated).validate(TODAY, LUCIE)).containsExactly(
                Problem.of(ElderlyProfile.HEATWAVE_REGISTERED_ON, Rule.REQUIRED));
    }

    @Test
    void theCapacityMustFitThePersonsAgeOnTheDayOfRegistration() {
        Beneficiary sixtyTwo = person(LocalDate.of(1964, 1, 10), Domain.ELDERLY);
        HeatwaveRegistration as65 = new HeatwaveRegistration(LocalDate.of(2026, 7, 1), HeatwaveRequester.SELF, null,
                HeatwaveCapacity.AGED_65, null);
        assertThat(new ElderlyProfile(sixtyTwo.id(), null, null, null, true, null, null, as65).validate(TODAY, sixtyTwo))
                .containsExactly(Problem.of(ElderlyProfile.HEATWAVE_CAPACITY, Rule.TOO_YOUNG_FOR_CAPACITY, 65));
        HeatwaveRegistration unfit = new HeatwaveRegistration(LocalDate.of(2026, 7, 1), HeatwaveRequester.SELF, null,
                HeatwaveCapacity.AGED_60_UNFIT_FOR_WORK, null);
        assertThat(new ElderlyProfile(sixtyTwo.id(), null, null, null, true, null, null, unfit).validate(TODAY, sixtyTwo)).isEmpty();
    }

    @Test
    void anEmergencyContactHasANameAndADiallablePhone() {
        ElderlyProfile p = new ElderlyProfile(LUCIE.id(), null, null, null, true, null,
                new ContactPerson(null, "12", "fille"), null);
        assertThat(p.validate(TODAY, LUCIE)).containsExactly(
                Problem.of(ElderlyProfile.EMERGENCY_PHONE, Rule.INVALID_PHONE),
                Problem.of(ElderlyProfile.EMERGENCY_NAME, Rule.REQUIRED));
    }

    @Test
    void aProfileIsOnlyForAFileFollowedInItsDomain() {
        assertThat(ElderlyProfile.empty(THEO.id()).validate(TODAY, THEO)).isEmpty();
        assertThat(elderly(AggirGrid.of("AAAAAAAAAA"), null, null).validate(TODAY, THEO))
                .contains(Problem.of(Beneficiary.DOMAINS, Rule.NOT_IN_DOMAIN));
        HealthProfile diabetic = new HealthProfile(THEO.id(), Set.of(ChronicCondition.DIABETES), null, null, null, null, null);
        assertThat(diabetic.validate(TODAY, THEO)).containsExactly(Problem.of(Beneficiary.DOMAINS, Rule.NOT_IN_DOMAIN));
        assertThat(school(DropoutPath.NONE.with(DropoutStep.SPOTTED, TODAY)).validate(TODAY, LUCIE))
                .containsExactly(Problem.of(Beneficiary.DOMAINS, Rule.NOT_IN_DOMAIN));
    }

    @Test
    void healthContactsAreNamedAndReachable() {
        HealthProfile p = new HealthProfile(LUCIE.id(), Set.of(ChronicCondition.HEART_FAILURE), "Arthrose",
                new ContactPerson("Inès Blanc", "06 11 22 33 44"), new ContactPerson("Dr Morel", "04 75 12 34 56"),
                new ContactPerson(null, "not a phone"), EducationStage.IN_PROGRAMME);
        assertThat(p.validate(TODAY, LUCIE)).containsExactly(
                Problem.of(HealthProfile.TRUST_PHONE, Rule.INVALID_PHONE), Problem.of(HealthProfile.TRUST_NAME, Rule.REQUIRED));
        assertThat(HealthProfile.empty(LUCIE.id()).isEmpty()).isTrue();
    }

    @Test
    void theStepsOfTheDropoutPathAreReachedInOrder() {
        DropoutPath inOrder = new DropoutPath(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15), DropoutOutcome.APPRENTICESHIP, LocalDate.of(2026, 11, 2));
        assertThat(school(inOrder).validate(TODAY, THEO)).isEmpty();
        assertThat(inOrder.lastStep()).contains(DropoutStep.ACCOMPANIED);

        DropoutPath skipped = new DropoutPath(LocalDate.of(2026, 9, 10), null, LocalDate.of(2026, 10, 1), null, null, null);
        assertThat(school(skipped).validate(TODAY, THEO)).containsExactly(
                Problem.of(SchoolProfile.DROPOUT_ASSESSED_ON, Rule.STEP_SKIPPED));

        DropoutPath backwards = new DropoutPath(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 1), null, null,
                DropoutOutcome.REFUSED, LocalDate.of(2026, 8, 30));
        assertThat(school(backwards).validate(TODAY, THEO)).containsExactly(
                Problem.of(SchoolProfile.CONTACTED_ON, Rule.STEP_BEFORE_PREVIOUS, LocalDate.of(2026, 9, 10)),
                Problem.of(SchoolProfile.OUTCOME_ON, Rule.STEP_BEFORE_PREVIOUS, LocalDate.of(2026, 9, 1)));

        DropoutPath future = DropoutPath.NONE.with(DropoutStep.SPOTTED, TODAY.plusDays(3));
        assertThat(school(future).validate(TODAY, THEO)).containsExactly(Problem.of(SchoolProfile.SPOTTED_ON, Rule.IN_FUTURE));
    }

    @Test
    void anOutcomeHasItsDayAndASolutionNeedsSomeoneContacted() {
        DropoutPath unreachable = new DropoutPath(LocalDate.of(2026, 9, 10), null, null, null, DropoutOutcome.UNREACHABLE,
                LocalDate.of(2026, 10, 10));
        assertThat(school(unreachable).validate(TODAY, THEO)).isEmpty();
        DropoutPath jobUncontacted = new DropoutPath(LocalDate.of(2026, 9, 10), null, null, null, DropoutOutcome.JOB, null);
        assertThat(school(jobUncontacted).validate(TODAY, THEO)).containsExactly(
                Problem.of(SchoolProfile.OUTCOME_ON, Rule.REQUIRED), Problem.of(SchoolProfile.OUTCOME, Rule.STEP_SKIPPED));
        assertThat(DropoutOutcome.JOB.solution()).isTrue();
        assertThat(DropoutOutcome.REFUSED.solution()).isFalse();
    }

    @Test
    void aMinorsSchoolFollowUpNeedsAParentsConsent() {
        SchoolProfile noConsent = new SchoolProfile(THEO.id(), "Collège Jean Moulin", "3e B", "M. Petit (CPE)", 6, 4,
                LocalDate.of(2026, 11, 20), DropoutPath.NONE, ParentalConsent.NONE);
        assertThat(noConsent.validate(TODAY, THEO)).containsExactly(
                Problem.of(SchoolProfile.PARENTAL_CONSENT_DATE, Rule.PARENTAL_CONSENT_REQUIRED),
                Problem.of(SchoolProfile.PARENTAL_CONSENT_BY, Rule.REQUIRED));
        Beneficiary adult = person(LocalDate.of(2006, 1, 1), Domain.SCHOOL);
        assertThat(new SchoolProfile(adult.id(), "Lycée", null, null, null, null, null, null, null).validate(TODAY, adult)).isEmpty();
    }

    @Test
    void unjustifiedAbsencesAreAmongTheAbsences() {
        SchoolProfile p = new SchoolProfile(THEO.id(), null, null, null, 4, 9, null, null,
                new ParentalConsent(LocalDate.of(2026, 9, 1), "Mme Durand, mère"));
        assertThat(p.validate(TODAY, THEO)).containsExactly(Problem.of(SchoolProfile.UNJUSTIFIED_HALF_DAYS, Rule.MORE_THAN_TOTAL, 4));
        SchoolProfile tooMany = new SchoolProfile(THEO.id(), null, null, null, 80, null, null, null,
                new ParentalConsent(LocalDate.of(2026, 9, 1), "Mme Durand, mère"));
        assertThat(tooMany.validate(TODAY, THEO)).containsExactly(Problem.of(SchoolProfile.ABSENT_HALF_DAYS, Rule.OUT_OF_RANGE, 0, 62));
    }

    private static ElderlyProfile elderly(AggirGrid grid, ApaStatus apa, HeatwaveRegistration heatwave) {
        return new ElderlyProfile(LUCIE.id(), grid, grid == null ? null : LocalDate.of(2026, 10, 5), apa, true,
                null, new ContactPerson("Claire Martin", "06 12 34 56 78", "fille"), heatwave);
    }

    private static SchoolProfile school(DropoutPath path) {
        return new SchoolProfile(THEO.id(), null, null, null, null, null, null, path,
                new ParentalConsent(LocalDate.of(2026, 9, 1), "Mme Durand, mère"));
    }
}
