package fr.cercle.app.sync;

import fr.cercle.sync.client.SyncReport;

import java.time.Instant;
import java.util.Objects;

/**
 * How the last sync ended: what it exchanged, or why it did not end well.
 *
 * @param report  what was exchanged, or {@code null} when it did not end well
 * @param problem why it did not end well, or {@code null} when it did
 */
public record SyncOutcome(SyncService.Trigger trigger, Instant at, SyncReport report, SyncProblem problem) {

    public SyncOutcome {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        if ((report == null) == (problem == null)) {
            throw new IllegalArgumentException("A sync ends with a report or a problem");
        }
    }

    public static SyncOutcome done(SyncService.Trigger trigger, Instant at, SyncReport report) {
        return new SyncOutcome(trigger, at, report, null);
    }

    public static SyncOutcome failed(SyncService.Trigger trigger, Instant at, SyncProblem problem) {
        return new SyncOutcome(trigger, at, null, problem);
    }

    public boolean succeeded() {
        return report != null;
    }
}
