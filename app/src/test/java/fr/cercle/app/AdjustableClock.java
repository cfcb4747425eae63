package fr.cercle.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until a test moves it on: "5 minutes ago" can then be seen to change. */
public final class AdjustableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public AdjustableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new AdjustableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
