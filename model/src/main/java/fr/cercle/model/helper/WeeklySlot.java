package fr.cercle.model.helper;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.Objects;

/** One cell of the weekly availability grid: a day of the week and a part of that day. */
public record WeeklySlot(DayOfWeek day, DayPart part) implements Comparable<WeeklySlot> {

    private static final Comparator<WeeklySlot> ORDER =
            Comparator.comparing(WeeklySlot::day).thenComparing(WeeklySlot::part);

    public WeeklySlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(part, "part");
    }

    /** A stable textual form, such as {@code MONDAY_MORNING}, used in storage and exchange. */
    public String code() {
        return day.name() + "_" + part.name();
    }

    public static WeeklySlot parse(String code) {
        int separator = code.indexOf('_');
        if (separator < 0) {
            throw new IllegalArgumentException("Not a weekly slot: " + code);
        }
        return new WeeklySlot(DayOfWeek.valueOf(code.substring(0, separator)),
                DayPart.valueOf(code.substring(separator + 1)));
    }

    @Override
    public int compareTo(WeeklySlot other) {
        return ORDER.compare(this, other);
    }
}
