package fr.cercle.model.need;

/** How often the help is needed; the agenda plans contacts from it. */
public enum Frequency {
    ONCE(0),
    MONTHLY(0.25),
    EVERY_TWO_WEEKS(0.5),
    WEEKLY(1),
    TWICE_A_WEEK(2),
    DAILY(7);

    private final double perWeek;

    Frequency(double perWeek) {
        this.perWeek = perWeek;
    }

    /** Contacts planned per week, on average (0 for a one-off). */
    public double perWeek() {
        return perWeek;
    }
}
