package fr.cercle.model.contribution;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static Contribution visit(LocalDate date, int minutes, String concern) {
        return new Contribution(ContributionId.newId(), BeneficiaryId.newId(), HelperId.newId(), null, date, minutes,
                ContributionKind.VISIT, Medium.IN_PERSON, true, "Thé et promenade au jardin", concern);
    }

    @Test
    void aVisitOfTheDayIsValid() {
        assertThat(visit(TODAY, 60, null).validate(TODAY)).isEmpty();
        assertThat(visit(TODAY, 60, "  ").hasConcern()).isFalse();
    }

    @Test
    void theDayTheDurationAndTheTextsAreChecked() {
        assertThat(visit(TODAY.plusDays(1), 60, null).validate(TODAY))
                .containsExactly(Problem.of(Contribution.DATE, Rule.IN_FUTURE));
        assertThat(visit(TODAY.minusDays(400), 60, null).validate(TODAY)).extracting(Problem::field)
                .containsExactly(Contribution.DATE);
        assertThat(visit(TODAY, 721, null).validate(TODAY)).extracting(Problem::rule).containsExactly(Rule.OUT_OF_RANGE);
        assertThat(visit(TODAY, -5, null).validate(TODAY)).extracting(Problem::field).containsExactly(Contribution.MINUTES);
        assertThat(visit(TODAY, 30, "x".repeat(1001)).validate(TODAY)).extracting(Problem::field)
                .containsExactly(Contribution.CONCERN);
        Contribution empty = new Contribution(ContributionId.newId(), BeneficiaryId.newId(), null, null, null, 0, null, null,
                false, null, null);
        assertThat(empty.validate(TODAY)).extracting(Problem::field)
                .containsExactly(Contribution.HELPER, Contribution.DATE, Contribution.KIND, Contribution.MEDIUM);
    }

    @Test
    void aConcernOpensAFollowUpForTheReferentDueInThreeDays() {
        StaffId claire = StaffId.newId();
        Contribution worrying = visit(TODAY, 45, "Elle n'a presque rien mangé depuis lundi.");

        FollowUp followUp = FollowUp.fromConcern(worrying, claire, TODAY).orElseThrow();

        assertThat(followUp.referent()).isEqualTo(claire);
        assertThat(followUp.beneficiary()).isEqualTo(worrying.beneficiary());
        assertThat(followUp.source()).isEqualTo(worrying.id());
        assertThat(followUp.subject()).isEqualTo("Elle n'a presque rien mangé depuis lundi.");
        assertThat(followUp.due()).isEqualTo(TODAY.plusDays(3));
        assertThat(followUp.overdue(TODAY.plusDays(3))).isFalse();
        assertThat(followUp.overdue(TODAY.plusDays(4))).isTrue();
        assertThat(followUp.done(TODAY.plusDays(4)).overdue(TODAY.plusDays(9))).isFalse();
        assertThat(FollowUp.fromConcern(visit(TODAY, 45, null), claire, TODAY)).isEmpty();
    }

    @Test
    void aQuickEntryProposesWhatEachKindOfNeedUsuallyAsks() {
        assertThat(ContributionKind.of(fr.cercle.model.need.NeedKind.CALL)).isEqualTo(ContributionKind.CALL);
        assertThat(ContributionKind.CALL.usualMedium()).isEqualTo(Medium.PHONE);
        assertThat(ContributionKind.of(fr.cercle.model.need.NeedKind.SHOPPING)).isEqualTo(ContributionKind.ERRAND);
        assertThat(ContributionKind.of(fr.cercle.model.need.NeedKind.MENTORING)).isEqualTo(ContributionKind.SESSION);
        for (ContributionKind kind : ContributionKind.values()) {
            assertThat(kind.usualMinutes()).isBetween(1, Contribution.MINUTES_MAX);
        }
    }
}
