package fr.cercle.model.dashboard;

import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutStep;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dropout follow-up path on the dashboard (the school profile's {@code DropoutPath}): how many young
 * people are being followed, by the last step they reached, and how the follow-ups of the last twelve
 * months ended. What a dropout platform (PSAD) reports: the share that found a solution.
 *
 * @param followed the active files on the path with no outcome yet, by the last step reached (every step present)
 * @param outcomes the outcomes recorded in the last twelve months, by outcome (every outcome present)
 */
public record DropoutFigures(Map<DropoutStep, Integer> followed, Map<DropoutOutcome, Integer> outcomes) {

    /** No one on the path. */
    public static final DropoutFigures NONE = new DropoutFigures(Map.of(), Map.of());

    public DropoutFigures {
        Objects.requireNonNull(followed, "followed");
        Objects.requireNonNull(outcomes, "outcomes");
        EnumMap<DropoutStep, Integer> steps = new EnumMap<>(DropoutStep.class);
        for (DropoutStep step : DropoutStep.values()) {
            steps.put(step, count(followed.getOrDefault(step, 0)));
        }
        EnumMap<DropoutOutcome, Integer> ends = new EnumMap<>(DropoutOutcome.class);
        for (DropoutOutcome outcome : DropoutOutcome.values()) {
            ends.put(outcome, count(outcomes.getOrDefault(outcome, 0)));
        }
        followed = Collections.unmodifiableMap(steps);
        outcomes = Collections.unmodifiableMap(ends);
    }

    /** The young people followed now, whatever their step. */
    public int totalFollowed() {
        return followed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The follow-ups that ended in the last twelve months. */
    public int totalEnded() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Those of them that ended in a solution: school, apprenticeship, training or a job. */
    public int solutions() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().solution()).mapToInt(Map.Entry::getValue).sum();
    }

    private static int count(Integer value) {
        if (value == null || value < 0) {
            throw new IllegalArgumentException("A count is zero or more: " + value);
        }
        return value;
    }
}
