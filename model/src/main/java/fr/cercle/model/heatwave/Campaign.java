package fr.cercle.model.heatwave;

import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A heatwave alert period declared by the town hall: from the day the prefect triggers it to the day
 * it is lifted (unknown at first), at a level. While it is open, every person in the register is
 * called, and called again, until the alert is over.
 *
 * @param endsOn   the day the alert is lifted, or null while it lasts
 * @param closedOn the day the town hall closed the campaign, or null while it is open
 */
public record Campaign(CampaignId id, AlertLevel level, LocalDate startsOn, LocalDate endsOn, LocalDate closedOn,
                       String note) {

    public static final String LEVEL = "level";
    public static final String STARTS_ON = "startsOn";
    public static final String ENDS_ON = "endsOn";
    public static final String NOTE = "note";
    public static final int NOTE_MAX = 1000;
    /** An alert may be declared for a day at most this far ahead (the forecast's horizon). */
    public static final int DAYS_AHEAD_MAX = 7;

    public Campaign {
        Objects.requireNonNull(id, "id");
        note = Text.blankToNull(note);
    }

    public static Campaign declare(AlertLevel level, LocalDate startsOn, LocalDate endsOn, String note) {
        return new Campaign(CampaignId.newId(), level, startsOn, endsOn, null, note);
    }

    public boolean open() {
        return closedOn == null;
    }

    public Campaign close(LocalDate day) {
        return new Campaign(id, level, startsOn, endsOn == null || endsOn.isAfter(day) ? day : endsOn, day, note);
    }

    /** Whether the alert covers this day: it has begun, it is not lifted, and the campaign is open. */
    public boolean covers(LocalDate day) {
        return open() && level != null && startsOn != null && !day.isBefore(startsOn)
                && (endsOn == null || !day.isAfter(endsOn));
    }

    /**
     * Whether a round of calls is due on {@code day}, by the rhythm of the alert's level: the alert
     * covers the day, and the last round (null when there was none yet) was started at least
     * {@link AlertLevel#daysBetweenCalls()} days before. A round already started that day (or,
     * from a computer whose clock was ahead, later) means none is due.
     *
     * @param lastRound the day of the campaign's latest round, or null
     */
    public boolean roundDue(LocalDate day, LocalDate lastRound) {
        return covers(day) && (lastRound == null || !lastRound.plusDays(level.daysBetweenCalls()).isAfter(day));
    }

    /**
     * The next day a round is due, from {@code day} on: {@code day} itself when one is due, otherwise
     * the last round's day plus the level's rhythm; empty when the alert is over by then.
     */
    public Optional<LocalDate> nextRound(LocalDate day, LocalDate lastRound) {
        if (!open() || level == null || startsOn == null) {
            return Optional.empty();
        }
        LocalDate next = lastRound == null ? startsOn : lastRound.plusDays(level.daysBetweenCalls());
        if (next.isBefore(day)) {
            next = day;
        }
        return covers(next) ? Optional.of(next) : Optional.empty();
    }

    /**
     * What must be fixed: a level, a first day no more than {@value #DAYS_AHEAD_MAX} days ahead and
     * within the last year, a last day not before the first, a note within its length.
     */
    public List<Problem> validate(LocalDate today) {
        Problems problems = new Problems()
                .required(LEVEL, level)
                .required(STARTS_ON, startsOn)
                .notBefore(STARTS_ON, startsOn, today.minusYears(1))
                .maxLength(NOTE, note, NOTE_MAX);
        if (startsOn != null && startsOn.isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            problems.notInFuture(STARTS_ON, startsOn, today.plusDays(DAYS_AHEAD_MAX));
        }
        if (startsOn != null && endsOn != null) {
            problems.notBefore(ENDS_ON, endsOn, startsOn);
        }
        return problems.list();
    }
}
