package fr.cercle.model.circle;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CircleTest {

    private static final BeneficiaryId PERSON = BeneficiaryId.newId();
    private static final HelperId KARIM = HelperId.newId();
    private static final HelperId LUCIE = HelperId.newId();
    /** Friday 27 November 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Need need(NeedKind kind, Frequency frequency, HelperId helper, LocalDate matched, DayOfWeek day) {
        Need open = Need.open(PERSON, kind, frequency, Set.of(new WeeklySlot(day, DayPart.AFTERNOON)), false,
                matched.minusDays(5));
        return helper == null ? open : open.assign(helper, matched);
    }

    private static Contribution contribution(HelperId helper, LocalDate day, boolean reached, String concern) {
        return new Contribution(ContributionId.newId(), PERSON, helper, null, day, reached ? 60 : 0,
                ContributionKind.VISIT, Medium.IN_PERSON, reached, null, concern);
    }

    private static String name(HelperId id) {
        return id.equals(KARIM) ? "Karim Benali" : id.equals(LUCIE) ? "Lucie Girard" : null;
    }

    @Test
    void eachHelperAppearsOnceWithTheirRolesSinceTheirFirstMatch() {
        Need visits = need(NeedKind.VISIT, Frequency.WEEKLY, KARIM, LocalDate.of(2026, 10, 1), DayOfWeek.TUESDAY);
        Need shopping = need(NeedKind.SHOPPING, Frequency.WEEKLY, KARIM, LocalDate.of(2026, 11, 2), DayOfWeek.FRIDAY);
        Need calls = need(NeedKind.CALL, Frequency.TWICE_A_WEEK, LUCIE, LocalDate.of(2026, 10, 15), DayOfWeek.MONDAY);
        Need unmet = need(NeedKind.TRANSPORT, Frequency.MONTHLY, null, LocalDate.of(2026, 11, 20), DayOfWeek.MONDAY);

        Circle circle = Circle.of(PERSON, List.of(shopping, unmet, calls, visits), List.of(), List.of(), CircleTest::name);

        assertThat(circle.members()).extracting(CircleMember::name).containsExactly("Karim Benali", "Lucie Girard");
        CircleMember karim = circle.member(KARIM).orElseThrow();
        assertThat(karim.needs()).containsExactly(visits, shopping);
        assertThat(karim.since()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(circle.unmet()).containsExactly(unmet);
    }

    @Test
    void theNextContactFollowsTheLastOneAndIsLateWhenItsDayHasPassed() {
        Need visits = need(NeedKind.VISIT, Frequency.WEEKLY, KARIM, LocalDate.of(2026, 10, 1), DayOfWeek.TUESDAY);
        Contribution reached = contribution(KARIM, LocalDate.of(2026, 11, 17), true, null);
        Contribution missed = contribution(KARIM, LocalDate.of(2026, 11, 24), false, null);
        Contribution older = contribution(KARIM, LocalDate.of(2026, 11, 10), true, null);

        Circle circle = Circle.of(PERSON, List.of(visits), List.of(missed, reached, older), List.of(), CircleTest::name);

        CircleMember karim = circle.member(KARIM).orElseThrow();
        assertThat(karim.lastContact()).isEqualTo(reached);
        assertThat(karim.lastAttempt()).isEqualTo(missed);
        assertThat(karim.nextContact()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(karim.late(TODAY)).isTrue();

        Contribution today = contribution(KARIM, TODAY, true, null);
        CircleMember after = Circle.of(PERSON, List.of(visits), List.of(today, missed, reached), List.of(), CircleTest::name)
                .member(KARIM).orElseThrow();
        assertThat(after.lastAttempt()).isNull();
        assertThat(after.nextContact()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(after.late(TODAY)).isFalse();
    }

    @Test
    void withoutAnyContactTheFirstPlannedDayFromTheMatchIsExpected() {
        Need calls = need(NeedKind.CALL, Frequency.WEEKLY, LUCIE, LocalDate.of(2026, 11, 25), DayOfWeek.MONDAY);
        CircleMember lucie = Circle.of(PERSON, List.of(calls), List.of(), List.of(), CircleTest::name)
                .member(LUCIE).orElseThrow();
        assertThat(lucie.lastContact()).isNull();
        assertThat(lucie.nextContact()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void closedNeedsLeaveTheCircleAndOnlyOpenFollowUpsShowTheEarliestFirst() {
        Need closed = need(NeedKind.VISIT, Frequency.WEEKLY, KARIM, LocalDate.of(2026, 10, 1), DayOfWeek.TUESDAY).close();
        Contribution worried = contribution(KARIM, LocalDate.of(2026, 11, 20), true, "Elle tousse beaucoup");
        FollowUp late = FollowUp.fromConcern(worried, null, LocalDate.of(2026, 11, 20)).orElseThrow();
        FollowUp soon = FollowUp.fromConcern(worried, null, LocalDate.of(2026, 11, 26)).orElseThrow();
        FollowUp done = FollowUp.fromConcern(worried, null, LocalDate.of(2026, 11, 10)).orElseThrow().done(TODAY);

        Circle circle = Circle.of(PERSON, List.of(closed), List.of(worried), List.of(soon, done, late), CircleTest::name);

        assertThat(circle.members()).isEmpty();
        assertThat(circle.open()).containsExactly(late, soon);
        assertThat(circle.recent()).containsExactly(worried);
    }

    @Test
    void theRecentContributionsAreTheLatestFive() {
        List<Contribution> many = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> contribution(LUCIE, TODAY.minusDays(i), true, null)).toList();
        Circle circle = Circle.of(PERSON, List.of(), reversed(many), List.of(), CircleTest::name);
        assertThat(circle.recent()).containsExactlyElementsOf(many.subList(0, Circle.RECENT));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
