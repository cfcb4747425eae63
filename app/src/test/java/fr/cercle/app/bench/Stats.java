package fr.cercle.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings of one measured thing, in milliseconds: median, 90th and 95th percentiles (nearest rank), min and max. */
record Stats(int count, double median, double p90, double min, double max, double p95) {

    static Stats of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double p90 = sorted.get(Math.max(0, (int) Math.ceil(0.9 * n) - 1));
        double p95 = sorted.get(Math.max(0, (int) Math.ceil(0.95 * n) - 1));
        return new Stats(n, median, p90, sorted.get(0), sorted.get(n - 1), p95);
    }

    /** Milliseconds with the precision that means something at that size. */
    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value < 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** How many times slower {@code other} is than {@code mine}, as "×12". */
    static String ratio(double other, double mine) {
        if (Double.isNaN(other) || Double.isNaN(mine) || mine <= 0) {
            return "–";
        }
        double r = other / mine;
        return "×" + (r < 10 ? String.format(Locale.ROOT, "%.1f", r) : String.format(Locale.ROOT, "%.0f", r));
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
