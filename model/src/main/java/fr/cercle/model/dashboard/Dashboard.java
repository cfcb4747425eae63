package fr.cercle.model.dashboard;

import fr.cercle.model.common.Domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The figures of a structure's activity on one day, as one viewer may see them (a caseworker, their
 * caseload; a coordinator, the structure's files; an evaluator, counts of the whole structure). Each
 * figure opens the list behind it ({@link Figure}).
 *
 * @param asOf                the day the figures are computed for
 * @param activeByDomain      active files per domain (a file in two domains counts in both)
 * @param activeBeneficiaries active files, each counted once
 * @param activeHelpers       helpers whose status is active
 * @param hours               the minutes given per month, the last twelve months, oldest first; the last is
 *                            the current month
 * @param unmetNeeds          needs still open
 * @param matchedNeeds        needs matched in the last twelve months
 * @param medianDaysToMatch   the median of their days from opening to matching; empty if none was matched
 * @param noContactDays       the threshold of the next figure, in days
 * @param beyondNoContact     active files with no contact made in the last {@code noContactDays} days
 * @param followUpsDue        open follow-ups due today or before
 */
public record Dashboard(LocalDate asOf, Map<Domain, Integer> activeByDomain, int activeBeneficiaries, int activeHelpers,
                        List<MonthHours> hours, int unmetNeeds, int matchedNeeds, OptionalDouble medianDaysToMatch,
                        int noContactDays, int beyondNoContact, int followUpsDue) {

    /** How many months the hours' trend covers, the current one included. */
    public static final int TREND_MONTHS = 12;
    /** The no-contact threshold when none is given: 14 days. */
    public static final int DEFAULT_NO_CONTACT_DAYS = 14;

    public Dashboard {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(medianDaysToMatch, "medianDaysToMatch");
        EnumMap<Domain, Integer> byDomain = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            byDomain.put(domain, activeByDomain.getOrDefault(domain, 0));
        }
        activeByDomain = java.util.Collections.unmodifiableMap(byDomain);
        hours = List.copyOf(hours);
    }

    /** The minutes given in the current month (the last point of the trend). */
    public long minutesThisMonth() {
        return hours.isEmpty() ? 0 : hours.get(hours.size() - 1).minutes();
    }
}
