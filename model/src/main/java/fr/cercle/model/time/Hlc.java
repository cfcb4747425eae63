package fr.cercle.model.time;

import java.time.Instant;

/**
 * A hybrid-logical-clock timestamp: wall-clock milliseconds and a logical counter that orders
 * events within the same millisecond, or after a clock went backwards. Packed in one {@code long}
 * (48 bits of milliseconds, 16 of counter) whose numeric order is the causal order, so it can be
 * stored in one indexed column.
 */
public record Hlc(long millis, int counter) implements Comparable<Hlc> {

    static final int COUNTER_BITS = 16;
    static final int MAX_COUNTER = (1 << COUNTER_BITS) - 1;
    static final long MAX_MILLIS = (1L << (63 - COUNTER_BITS)) - 1;

    public static final Hlc ZERO = new Hlc(0, 0);

    public Hlc {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("HLC milliseconds out of range: " + millis);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("HLC counter out of range: " + counter);
        }
    }

    public long pack() {
        return (millis << COUNTER_BITS) | counter;
    }

    public static Hlc unpack(long packed) {
        return new Hlc(packed >>> COUNTER_BITS, (int) (packed & MAX_COUNTER));
    }

    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public int compareTo(Hlc other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Integer.compare(counter, other.counter);
    }

    /** For people and logs: the instant and the counter, as {@code 2026-11-25T18:06:35.123Z#0}. */
    @Override
    public String toString() {
        return instant() + "#" + counter;
    }
}
