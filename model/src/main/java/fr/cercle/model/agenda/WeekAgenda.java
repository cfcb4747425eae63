package fr.cercle.model.agenda;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A week's planned contacts (from {@link ContactPlan}) against the contacts made. What counts as done:
 * a contribution recorded for the person's file by the need's helper, with the person reached, that
 * names this need or no need, on a day within the planned contact's tolerance:
 * <ul>
 * <li>daily: that same day;</li>
 * <li>twice a week, weekly, once: the same week, Monday to Sunday (early in the week counts);</li>
 * <li>every two weeks: the two weeks of the rhythm that start with the planned week;</li>
 * <li>monthly: the four weeks of the rhythm that start with the planned week.</li>
 * </ul>
 * Each contribution answers one planned contact at most: contributions are taken in day order, each
 * answering, among the contacts still open whose tolerance holds it, the one whose tolerance ends first
 * (two visits planned in a week need two visits). The tolerances of one need's planned contacts never
 * overlap from one week of its rhythm to the next, so a week is decided by that week's plan and the
 * contributions of its tolerance alone.
 */
public final class WeekAgenda {

    /** How far after a week's Monday a contribution can still answer that week's plan (monthly rhythm). */
    public static final int REACH_DAYS = 28;

    /** A matched need, with the names to show. */
    public record Line(Need need, String person, String helperName) {
        public Line {
            Objects.requireNonNull(need, "need");
        }
    }

    /** A contribution with the person reached: whose file, which helper, which need if it names one, which day. */
    public record Reached(BeneficiaryId file, HelperId helper, NeedId need, LocalDate day) {
    }

    private WeekAgenda() {
    }

    /** The Monday of the week of {@code day}. */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first and last days (both included) a contact made answers the contact planned on {@code day}. */
    public static LocalDate[] tolerance(Frequency frequency, LocalDate day) {
        LocalDate monday = monday(day);
        return switch (frequency) {
            case DAILY -> new LocalDate[] {day, day};
            case EVERY_TWO_WEEKS -> new LocalDate[] {monday, monday.plusDays(13)};
            case MONTHLY -> new LocalDate[] {monday, monday.plusDays(REACH_DAYS - 1)};
            case ONCE, WEEKLY, TWICE_A_WEEK -> new LocalDate[] {monday, monday.plusDays(6)};
        };
    }

    /**
     * The contacts planned in the week of {@code anyDay} for these needs, each with the day it was done if
     * one of {@code reached} answered it; in day order, then by person. {@code reached} should hold the
     * contacts made from the week's Monday to {@value #REACH_DAYS} days later (others are ignored).
     */
    public static List<PlannedContact> week(List<Line> lines, List<Reached> reached, LocalDate anyDay) {
        LocalDate monday = monday(anyDay);
        LocalDate sunday = monday.plusDays(6);
        Map<String, List<PlannedContact>> byPair = new HashMap<>();
        List<PlannedContact> all = new ArrayList<>();
        for (Line line : lines) {
            Need need = line.need();
            if (need.helper() == null) {
                continue;
            }
            for (LocalDate day : ContactPlan.planned(need, monday, sunday)) {
                PlannedContact planned = new PlannedContact(need.id(), need.beneficiary(), line.person(), need.helper(),
                        line.helperName(), need.kind(), need.frequency(), day, null);
                all.add(planned);
                byPair.computeIfAbsent(pair(need.beneficiary(), need.helper()), k -> new ArrayList<>()).add(planned);
            }
        }
        Map<PlannedContact, LocalDate> answered = new HashMap<>();
        List<Reached> inOrder = reached.stream().sorted(Comparator.comparing(Reached::day)).toList();
        for (Reached contact : inOrder) {
            List<PlannedContact> candidates = byPair.get(pair(contact.file(), contact.helper()));
            if (candidates == null) {
                continue;
            }
            candidates.stream()
                    .filter(p -> !answered.containsKey(p))
                    .filter(p -> contact.need() == null || contact.need().equals(p.need()))
                    .filter(p -> within(contact.day(), tolerance(p.frequency(), p.day())))
                    .min(Comparator.<PlannedContact, LocalDate>comparing(p -> tolerance(p.frequency(), p.day())[1])
                            .thenComparing(PlannedContact::day))
                    .ifPresent(p -> answered.put(p, contact.day()));
        }
        return all.stream()
                .map(p -> answered.containsKey(p) ? p.doneOn(answered.get(p)) : p)
                .sorted(Comparator.comparing(PlannedContact::day)
                        .thenComparing(p -> p.person() == null ? "" : p.person())
                        .thenComparing(p -> p.kind() == null ? "" : p.kind().name()))
                .toList();
    }

    private static boolean within(LocalDate day, LocalDate[] range) {
        return !day.isBefore(range[0]) && !day.isAfter(range[1]);
    }

    private static String pair(BeneficiaryId file, HelperId helper) {
        return file.value() + "/" + helper.value();
    }
}
