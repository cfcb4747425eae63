package fr.cercle.model.agenda;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedKind;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WeekAgendaTest {

    /** Monday 16 November 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private final BeneficiaryId jeanne = BeneficiaryId.newId();
    private final HelperId karim = HelperId.newId();

    private Need matched(Frequency frequency, DayOfWeek... preferred) {
        return matched(NeedKind.VISIT, frequency, preferred);
    }

    private Need matched(NeedKind kind, Frequency frequency, DayOfWeek... preferred) {
        Set<WeeklySlot> slots = new HashSet<>();
        for (DayOfWeek day : preferred) {
            slots.add(new WeeklySlot(day, DayPart.AFTERNOON));
        }
        return Need.open(jeanne, kind, frequency, slots, false, LocalDate.of(2026, 10, 1))
                .assign(karim, LocalDate.of(2026, 10, 5)); // a Monday: weeks of the rhythm start on 5 October
    }

    private List<PlannedContact> week(List<Need> needs, WeekAgenda.Reached... reached) {
        return WeekAgenda.week(needs.stream().map(n -> new WeekAgenda.Line(n, "Jeanne Martin", "Karim Benali")).toList(),
                List.of(reached), MONDAY.plusDays(3));
    }

    private WeekAgenda.Reached reached(LocalDate day) {
        return new WeekAgenda.Reached(jeanne, karim, null, day);
    }

    @Test
    void aWeeklyVisitIsDoneByAContactMadeAnyDayOfItsWeek() {
        Need visit = matched(Frequency.WEEKLY, DayOfWeek.TUESDAY);
        List<PlannedContact> done = week(List.of(visit), reached(MONDAY.plusDays(5)));
        assertThat(done).singleElement().satisfies(p -> {
            assertThat(p.day()).isEqualTo(MONDAY.plusDays(1));
            assertThat(p.doneOn()).isEqualTo(MONDAY.plusDays(5));
            assertThat(p.person()).isEqualTo("Jeanne Martin");
            assertThat(p.helperName()).isEqualTo("Karim Benali");
        });
        assertThat(week(List.of(visit), reached(MONDAY.minusDays(1)), reached(MONDAY.plusDays(7))))
                .as("the Sunday before and the Monday after are other weeks").singleElement()
                .satisfies(p -> assertThat(p.done()).isFalse());
    }

    @Test
    void twoVisitsPlannedInAWeekNeedTwoContacts() {
        Need visits = matched(Frequency.TWICE_A_WEEK, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        List<PlannedContact> one = week(List.of(visits), reached(MONDAY.plusDays(1)));
        assertThat(one).extracting(PlannedContact::doneOn).containsExactly(MONDAY.plusDays(1), null);
        List<PlannedContact> two = week(List.of(visits), reached(MONDAY.plusDays(1)), reached(MONDAY.plusDays(6)));
        assertThat(two).extracting(PlannedContact::doneOn).containsExactly(MONDAY.plusDays(1), MONDAY.plusDays(6));
    }

    @Test
    void aDailyCallIsDoneOnlyOnItsDay() {
        Need calls = matched(NeedKind.CALL, Frequency.DAILY);
        List<PlannedContact> planned = week(List.of(calls), reached(MONDAY.plusDays(2)), reached(MONDAY.plusDays(2)));
        assertThat(planned).hasSize(7);
        assertThat(planned).filteredOn(PlannedContact::done).singleElement()
                .satisfies(p -> assertThat(p.day()).isEqualTo(MONDAY.plusDays(2)));
    }

    @Test
    void aFortnightlyVisitMayBeDoneInTheFollowingWeek() {
        // Weeks of the rhythm from 5 October: 16 November is week 6, planned; 23 November week 7, not planned.
        Need visit = matched(Frequency.EVERY_TWO_WEEKS, DayOfWeek.WEDNESDAY);
        assertThat(week(List.of(visit), reached(MONDAY.plusDays(9)))).singleElement()
                .satisfies(p -> assertThat(p.doneOn()).isEqualTo(MONDAY.plusDays(9)));
        assertThat(week(List.of(visit), reached(MONDAY.plusDays(14)))).singleElement()
                .satisfies(p -> assertThat(p.done()).as("the next rhythm's week").isFalse());
    }

    @Test
    void aContributionNamingAnotherNeedDoesNotCount() {
        Need visit = matched(Frequency.WEEKLY, DayOfWeek.TUESDAY);
        Need shopping = matched(NeedKind.SHOPPING, Frequency.WEEKLY, DayOfWeek.FRIDAY);
        List<PlannedContact> planned = week(List.of(visit, shopping),
                new WeekAgenda.Reached(jeanne, karim, shopping.id(), MONDAY.plusDays(1)));
        assertThat(planned).extracting(PlannedContact::kind, PlannedContact::done)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NeedKind.VISIT, false),
                        org.assertj.core.groups.Tuple.tuple(NeedKind.SHOPPING, true));
    }

    @Test
    void anotherHelperOrAnotherPersonDoesNotCount() {
        Need visit = matched(Frequency.WEEKLY, DayOfWeek.TUESDAY);
        assertThat(week(List.of(visit), new WeekAgenda.Reached(jeanne, HelperId.newId(), null, MONDAY.plusDays(1)),
                new WeekAgenda.Reached(BeneficiaryId.newId(), karim, null, MONDAY.plusDays(1)),
                new WeekAgenda.Reached(jeanne, karim, NeedId.newId(), MONDAY.plusDays(1))))
                .singleElement().satisfies(p -> assertThat(p.done()).isFalse());
    }

    @Test
    void statusSaysDoneLateOrPlanned() {
        Need visits = matched(Frequency.TWICE_A_WEEK, DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        List<PlannedContact> planned = week(List.of(visits));
        LocalDate wednesday = MONDAY.plusDays(2);
        assertThat(planned).extracting(p -> p.status(wednesday))
                .containsExactly(PlannedContact.Status.LATE, PlannedContact.Status.PLANNED);
        assertThat(week(List.of(visits), reached(MONDAY)).get(0).status(wednesday)).isEqualTo(PlannedContact.Status.DONE);
    }

    @Test
    void toleranceFollowsTheRhythm() {
        LocalDate thursday = MONDAY.plusDays(3);
        assertThat(WeekAgenda.tolerance(Frequency.DAILY, thursday)).containsExactly(thursday, thursday);
        assertThat(WeekAgenda.tolerance(Frequency.WEEKLY, thursday)).containsExactly(MONDAY, MONDAY.plusDays(6));
        assertThat(WeekAgenda.tolerance(Frequency.EVERY_TWO_WEEKS, thursday)).containsExactly(MONDAY, MONDAY.plusDays(13));
        assertThat(WeekAgenda.tolerance(Frequency.MONTHLY, thursday)).containsExactly(MONDAY, MONDAY.plusDays(27));
    }
}
