package fr.cercle.model.rights;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How long a closed file is kept. A file stays whole while the person is followed; once closed it is
 * archived (kept, out of the active lists, readable for a dispute or a return), and purged, erased
 * for good, when {@link #purgeAfter} has passed since its last change. The default, two years, follows
 * the CNIL's guidance for social support files (the référentiel relatif aux traitements de données à
 * caractère personnel mis en œuvre dans le cadre de l'accompagnement social et médico-social: two years
 * after the last contact, in intermediate archive, for a file without a legal period of its own).
 */
public record RetentionPolicy(Period purgeAfter) {

    public static final Period DEFAULT_PURGE_AFTER = Period.ofYears(2);
    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 10;

    public RetentionPolicy {
        Objects.requireNonNull(purgeAfter, "purgeAfter");
        if (purgeAfter.toTotalMonths() < MIN_YEARS * 12L || purgeAfter.toTotalMonths() > MAX_YEARS * 12L) {
            throw new IllegalArgumentException("A closed file is kept from " + MIN_YEARS + " to " + MAX_YEARS
                    + " years, not " + purgeAfter);
        }
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(DEFAULT_PURGE_AFTER);
    }

    public static RetentionPolicy ofYears(int years) {
        return new RetentionPolicy(Period.ofYears(years));
    }

    /** Files closed and unchanged since before this day are due for purging on {@code today}. */
    public LocalDate unchangedSince(LocalDate today) {
        return today.minus(purgeAfter);
    }

    /** Whether a closed file last changed on {@code lastChange} is due for purging on {@code today}. */
    public boolean due(LocalDate lastChange, LocalDate today) {
        return lastChange.isBefore(unchangedSince(today));
    }
}
