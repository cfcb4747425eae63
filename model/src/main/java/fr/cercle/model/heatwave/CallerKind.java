package fr.cercle.model.heatwave;

/** Who makes a campaign's call: a helper (a volunteer) or a staff member. */
public enum CallerKind {
    HELPER,
    STAFF
}
