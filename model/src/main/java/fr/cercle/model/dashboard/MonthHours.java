package fr.cercle.model.dashboard;

import java.time.YearMonth;
import java.util.Objects;

/** The minutes helpers gave in one month: a point of the citizen hours' trend. */
public record MonthHours(YearMonth month, long minutes) {

    public MonthHours {
        Objects.requireNonNull(month, "month");
        if (minutes < 0) {
            throw new IllegalArgumentException("Negative minutes for " + month + ": " + minutes);
        }
    }

    /** The minutes as hours, for charts and tiles. */
    public double hours() {
        return minutes / 60.0;
    }
}
