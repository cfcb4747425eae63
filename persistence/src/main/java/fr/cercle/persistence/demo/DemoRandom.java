package fr.cercle.persistence.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The one source of chance of a generation, seeded, so that the same seed gives the same records,
 * ids included. Ids are version-4 UUIDs like {@link UUID#randomUUID()}'s, but drawn from the seeded
 * generator. Not thread-safe: each part of a generation holds its own, split from the root.
 */
final class DemoRandom {

    private final SplittableRandom random;

    DemoRandom(SplittableRandom random) {
        this.random = random;
    }

    /** An independent, still deterministic, source for another part of the generation. */
    DemoRandom split() {
        return new DemoRandom(random.split());
    }

    UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A whole number from 0 (included) to {@code bound} (excluded). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    double unit() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A date between {@code minDays} and {@code maxDays} days before {@code today}, both included. */
    LocalDate daysBefore(LocalDate today, int minDays, int maxDays) {
        return today.minusDays(between(minDays, maxDays));
    }

    /** A birth date of someone exactly {@code age} years old on {@code today}. */
    LocalDate birthDateForAge(LocalDate today, int age) {
        return today.minusYears(age).minusDays(below(365));
    }

    /** Two digits, zero-padded, for phone numbers and house numbers. */
    String twoDigits() {
        int n = below(100);
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
