package fr.cercle.model.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up of a young person who left school (plateformes de suivi et d'appui aux décrocheurs):
 * the day of each step reached, spotted → contacted → assessed → accompanied, then the outcome and its
 * day. A step without a day is not reached.
 */
public record DropoutPath(LocalDate spottedOn, LocalDate contactedOn, LocalDate assessedOn, LocalDate accompaniedOn,
                          DropoutOutcome outcome, LocalDate outcomeOn) {

    public static final DropoutPath NONE = new DropoutPath(null, null, null, null, null, null);

    public LocalDate dateOf(DropoutStep step) {
        return switch (step) {
            case SPOTTED -> spottedOn;
            case CONTACTED -> contactedOn;
            case ASSESSED -> assessedOn;
            case ACCOMPANIED -> accompaniedOn;
        };
    }

    /** The same path with the day of {@code step} set (or cleared, with {@code null}). */
    public DropoutPath with(DropoutStep step, LocalDate day) {
        return new DropoutPath(step == DropoutStep.SPOTTED ? day : spottedOn,
                step == DropoutStep.CONTACTED ? day : contactedOn,
                step == DropoutStep.ASSESSED ? day : assessedOn,
                step == DropoutStep.ACCOMPANIED ? day : accompaniedOn, outcome, outcomeOn);
    }

    public DropoutPath withOutcome(DropoutOutcome newOutcome, LocalDate day) {
        return new DropoutPath(spottedOn, contactedOn, assessedOn, accompaniedOn, newOutcome, day);
    }

    /** The last step reached, if any. */
    public Optional<DropoutStep> lastStep() {
        DropoutStep last = null;
        for (DropoutStep step : DropoutStep.values()) {
            if (dateOf(step) != null) {
                last = step;
            }
        }
        return Optional.ofNullable(last);
    }

    public boolean isEmpty() {
        return lastStep().isEmpty() && outcome == null && outcomeOn == null;
    }

    /** The days of the steps reached, in order (for the timeline and the checks). */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (DropoutStep step : DropoutStep.values()) {
            if (dateOf(step) != null) {
                days.add(dateOf(step));
            }
        }
        return days;
    }
}
