package fr.cercle.app.helper;

import java.util.Comparator;

/** The sortable columns of the helpers table. */
public enum HelperColumn {
    LAST_NAME(Comparator.comparing(HelperRow::lastNameKey).thenComparing(HelperRow::firstNameKey)),
    FIRST_NAME(Comparator.comparing(HelperRow::firstNameKey).thenComparing(HelperRow::lastNameKey)),
    COMMUNE(Comparator.comparing(HelperRow::communeKey)),
    SKILLS(Comparator.comparing(HelperRow::skillsText)),
    MAX_COMMITMENTS(Comparator.comparingInt((HelperRow r) -> r.summary().maxCommitments())),
    BACKGROUND_CHECK(Comparator.comparing((HelperRow r) -> r.summary().backgroundCheck())),
    STATUS(Comparator.comparing((HelperRow r) -> r.summary().status()));

    private final Comparator<HelperRow> comparator;

    HelperColumn(Comparator<HelperRow> comparator) {
        this.comparator = comparator;
    }

    public Comparator<HelperRow> comparator() {
        return comparator;
    }
}
