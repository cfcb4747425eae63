package fr.cercle.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock that a test sets or moves forward by hand, possibly days off the real date. */
public final class HandClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    /** A clock in UTC. */
    public HandClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    /** A clock in this time zone, for tests about days (retention periods, searches by date). */
    public HandClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
