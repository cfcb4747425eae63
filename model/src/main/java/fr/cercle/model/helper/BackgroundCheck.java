package fr.cercle.model.helper;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A background check's status and the date of its last step (request, or issue of the certificate).
 * A valid check counts for a number of years from its date (the installation's setting, three by
 * default), after which it must be renewed: an older one no longer qualifies a helper for a need that
 * requires one. A valid check without a date does not count: nothing says it is recent enough. Cercle's
 * forms and imports refuse one ({@link HelperRules}); it can only come from elsewhere, through a sync.
 */
public record BackgroundCheck(BackgroundCheckStatus status, LocalDate date) {

    public static final BackgroundCheck NOT_REQUESTED = new BackgroundCheck(BackgroundCheckStatus.NOT_REQUESTED, null);
    /** How many years a valid check counts from its date, unless the installation says otherwise. */
    public static final int DEFAULT_YEARS = 3;

    public BackgroundCheck {
        status = status == null ? BackgroundCheckStatus.NOT_REQUESTED : status;
    }

    /** Whether the check was found valid (whatever its age: see {@link #isValidOn}). */
    public boolean isValid() {
        return status == BackgroundCheckStatus.VALID;
    }

    /** The first day a valid check no longer counts, {@code years} after its date; none if not valid or undated. */
    public Optional<LocalDate> ends(int years) {
        return isValid() && date != null ? Optional.of(date.plusYears(years)) : Optional.empty();
    }

    /** Whether the check counts on {@code day}: valid, dated, and not yet {@code years} old. */
    public boolean isValidOn(LocalDate day, int years) {
        return ends(years).map(day::isBefore).orElse(false);
    }
}
