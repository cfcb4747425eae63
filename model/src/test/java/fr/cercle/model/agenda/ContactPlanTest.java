package fr.cercle.model.agenda;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactPlanTest {

    /** Wednesday 4 November 2026. */
    private static final LocalDate MATCHED = LocalDate.of(2026, 11, 4);

    private static Need matched(Frequency frequency, DayOfWeek... preferred) {
        Set<WeeklySlot> slots = new java.util.HashSet<>();
        for (DayOfWeek day : preferred) {
            slots.add(new WeeklySlot(day, DayPart.AFTERNOON));
        }
        return Need.open(BeneficiaryId.newId(), NeedKind.VISIT, frequency, slots, false, MATCHED.minusDays(10))
                .assign(HelperId.newId(), MATCHED);
    }

    @Test
    void aWeeklyNeedIsPlannedOnItsPreferredDayFromTheMatchingDay() {
        Need need = matched(Frequency.WEEKLY, DayOfWeek.TUESDAY);
        assertThat(ContactPlan.planned(need, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .containsExactly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 24));
    }

    @Test
    void withoutPreferredDayTheMatchingDaysWeekdayIsKept() {
        Need need = matched(Frequency.WEEKLY);
        assertThat(ContactPlan.planned(need, MATCHED, MATCHED.plusDays(14)))
                .containsExactly(MATCHED, MATCHED.plusWeeks(1), MATCHED.plusWeeks(2));
    }

    @Test
    void twiceAWeekTakesTheFirstTwoPreferredDays() {
        Need need = matched(Frequency.TWICE_A_WEEK, DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(ContactPlan.planned(need, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)))
                .containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 12));
    }

    @Test
    void twiceAWeekWithOnePreferredDayAddsThreeDaysLater() {
        Need need = matched(Frequency.TWICE_A_WEEK, DayOfWeek.SATURDAY);
        assertThat(ContactPlan.planned(need, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)))
                .containsExactly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 14));
    }

    @Test
    void everyTwoWeeksAndMonthlyKeepTheirRhythmFromTheMatchingWeek() {
        Need fortnightly = matched(Frequency.EVERY_TWO_WEEKS, DayOfWeek.THURSDAY);
        assertThat(ContactPlan.planned(fortnightly, MATCHED, MATCHED.plusWeeks(7)))
                .containsExactly(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 19), LocalDate.of(2026, 12, 3),
                        LocalDate.of(2026, 12, 17));
        Need monthly = matched(Frequency.MONTHLY);
        assertThat(ContactPlan.planned(monthly, MATCHED, MATCHED.plusWeeks(9)))
                .containsExactly(MATCHED, MATCHED.plusWeeks(4), MATCHED.plusWeeks(8));
    }

    @Test
    void dailyIsEveryDayAndOnceIsOneDay() {
        assertThat(ContactPlan.planned(matched(Frequency.DAILY), MATCHED.minusDays(3), MATCHED.plusDays(2)))
                .containsExactly(MATCHED, MATCHED.plusDays(1), MATCHED.plusDays(2));
        Need once = matched(Frequency.ONCE, DayOfWeek.MONDAY);
        assertThat(ContactPlan.planned(once, MATCHED.minusYears(1), MATCHED.plusYears(1)))
                .containsExactly(LocalDate.of(2026, 11, 9));
        assertThat(ContactPlan.next(once, LocalDate.of(2026, 11, 10))).isEmpty();
    }

    @Test
    void anOpenOrClosedNeedPlansNothing() {
        Need open = Need.open(BeneficiaryId.newId(), NeedKind.CALL, Frequency.DAILY, Set.of(), false, MATCHED);
        assertThat(ContactPlan.planned(open, MATCHED, MATCHED.plusWeeks(2))).isEmpty();
        assertThat(ContactPlan.next(matched(Frequency.DAILY).close(), MATCHED)).isEmpty();
    }

    @Test
    void theNextContactIsTheFirstPlannedFromToday() {
        Need need = matched(Frequency.WEEKLY, DayOfWeek.TUESDAY);
        assertThat(ContactPlan.next(need, LocalDate.of(2026, 11, 10))).contains(LocalDate.of(2026, 11, 10));
        assertThat(ContactPlan.next(need, LocalDate.of(2026, 11, 11))).contains(LocalDate.of(2026, 11, 17));
        assertThat(ContactPlan.next(matched(Frequency.MONTHLY), MATCHED.plusDays(1))).contains(MATCHED.plusWeeks(4));
    }
}
