package fr.cercle.persistence.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * What a demo generation wrote and how long it took, so that the caller can tell the user (or a
 * benchmark can print) without counting rows again.
 *
 * @param staff         staff members saved
 * @param beneficiaries beneficiaries saved
 * @param helpers       helpers saved
 * @param elapsed       wall-clock time of the whole generation, reference loading included
 */
public record DemoSummary(int staff, int beneficiaries, int helpers, Duration elapsed) {

    public DemoSummary {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Every record saved, the installation's structure included: one journal entry each in a new database. */
    public long records() {
        return (long) staff + beneficiaries + helpers + 1;
    }
}
