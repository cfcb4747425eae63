package fr.cercle.model.time;

import java.time.Clock;
import java.util.Objects;

/**
 * Issues timestamps that never go backwards, even when the PC's clock does, and that follow every
 * timestamp seen from other devices (Kulkarni et al., "Logical Physical Clocks", 2014). Ordering of
 * changes never depends on wall clocks alone. Thread-safe.
 */
public final class HybridLogicalClock {

    private final Clock wallClock;
    private Hlc last;

    public HybridLogicalClock(Clock wallClock, Hlc lastIssued) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.last = Objects.requireNonNull(lastIssued, "lastIssued");
    }

    /** A timestamp for a local event, later than every timestamp issued or observed before. */
    public synchronized Hlc now() {
        long wall = wallClock.millis();
        last = wall > last.millis() ? new Hlc(wall, 0) : successor(last.millis(), last.counter());
        return last;
    }

    /** Takes a timestamp received from another device into account, so later local events follow it. */
    public synchronized Hlc observe(Hlc received) {
        long wall = wallClock.millis();
        long millis = Math.max(wall, Math.max(last.millis(), received.millis()));
        if (millis == last.millis() && millis == received.millis()) {
            last = successor(millis, Math.max(last.counter(), received.counter()));
        } else if (millis == last.millis()) {
            last = successor(millis, last.counter());
        } else if (millis == received.millis()) {
            last = successor(millis, received.counter());
        } else {
            last = new Hlc(millis, 0);
        }
        return last;
    }

    public synchronized Hlc last() {
        return last;
    }

    /** The next counter value; when it is exhausted, the next millisecond (still ahead of everything seen). */
    private static Hlc successor(long millis, int counter) {
        return counter < Hlc.MAX_COUNTER ? new Hlc(millis, counter + 1) : new Hlc(millis + 1, 0);
    }
}
