package fr.cercle.model.agenda;

import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedStatus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a matched need's helper is expected to be in touch, from its frequency and preferred days.
 * The plan starts on the day the need was matched and runs week by week from that week's Monday:
 * <ul>
 * <li>daily: every day;</li>
 * <li>twice a week: on the first two preferred days of the week (without two preferred days, the
 *     preferred or matching day and three days later);</li>
 * <li>weekly, every two weeks, monthly (every four weeks): once in each week of the rhythm, on the
 *     first preferred day of the week, or on the matching day's weekday;</li>
 * <li>once: on the first preferred day from the matching day, or the matching day itself.</li>
 * </ul>
 * No contact is planned before the matching day, nor for an open or closed need. The agenda counts
 * these planned contacts against the contributions recorded; the circle shows the next one.
 */
public final class ContactPlan {

    private ContactPlan() {
    }

    /** The planned contacts of a need from {@code from} to {@code to}, both included, in order. */
    public static List<LocalDate> planned(Need need, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        if (need.status() != NeedStatus.MATCHED || need.matchedOn() == null || need.frequency() == null
                || to.isBefore(from)) {
            return days;
        }
        if (need.frequency() == Frequency.ONCE) {
            LocalDate once = onceDay(need);
            return once.isBefore(from) || once.isAfter(to) ? days : List.of(once);
        }
        LocalDate start = need.matchedOn();
        LocalDate firstMonday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monday = (from.isAfter(start) ? from : start).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            long week = ChronoUnit.WEEKS.between(firstMonday, monday);
            for (DayOfWeek day : daysOfWeek(need, week)) {
                LocalDate date = monday.with(TemporalAdjusters.nextOrSame(day));
                if (!date.isBefore(start) && !date.isBefore(from) && !date.isAfter(to)) {
                    days.add(date);
                }
            }
        }
        return days;
    }

    /** The first planned contact on or after {@code today}, if the need is matched and one remains. */
    public static Optional<LocalDate> next(Need need, LocalDate today) {
        // A rhythm plans at least one contact every four weeks: five weeks ahead always finds it.
        return planned(need, today, today.plusWeeks(5)).stream().findFirst();
    }

    private static LocalDate onceDay(Need need) {
        SortedSet<DayOfWeek> preferred = preferredDays(need);
        LocalDate start = need.matchedOn();
        return preferred.isEmpty() ? start : preferred.stream()
                .map(day -> start.with(TemporalAdjusters.nextOrSame(day))).min(LocalDate::compareTo).orElse(start);
    }

    /** The days of week {@code week} (counted from the matching week) on which a contact is planned. */
    private static List<DayOfWeek> daysOfWeek(Need need, long week) {
        SortedSet<DayOfWeek> preferred = preferredDays(need);
        DayOfWeek first = preferred.isEmpty() ? need.matchedOn().getDayOfWeek() : preferred.first();
        return switch (need.frequency()) {
            case DAILY -> List.of(DayOfWeek.values());
            case TWICE_A_WEEK -> preferred.size() >= 2
                    ? List.copyOf(preferred).subList(0, 2)
                    : List.of(first, first.plus(3)).stream().sorted().toList();
            case WEEKLY -> List.of(first);
            case EVERY_TWO_WEEKS -> week % 2 == 0 ? List.of(first) : List.of();
            case MONTHLY -> week % 4 == 0 ? List.of(first) : List.of();
            case ONCE -> throw new IllegalStateException("a one-off need is planned on one day");
        };
    }

    private static SortedSet<DayOfWeek> preferredDays(Need need) {
        SortedSet<DayOfWeek> days = new TreeSet<>();
        for (WeeklySlot slot : need.slots()) {
            days.add(slot.day());
        }
        return days;
    }
}
