package fr.cercle.model.contribution;

import fr.cercle.model.need.NeedKind;

/** What a helper did with or for the person, and how it is usually done and how long it takes. */
public enum ContributionKind {
    VISIT(Medium.IN_PERSON, 60),
    CALL(Medium.PHONE, 15),
    SESSION(Medium.IN_PERSON, 60),
    ERRAND(Medium.IN_PERSON, 60);

    private final Medium usualMedium;
    private final int usualMinutes;

    ContributionKind(Medium usualMedium, int usualMinutes) {
        this.usualMedium = usualMedium;
        this.usualMinutes = usualMinutes;
    }

    /** How it is usually done: what a quick entry proposes first. */
    public Medium usualMedium() {
        return usualMedium;
    }

    /** How long it usually takes, in minutes: what a quick entry proposes first. */
    public int usualMinutes() {
        return usualMinutes;
    }

    /** What a helper does to meet a need of this kind: a visit, a call, a session, or an errand. */
    public static ContributionKind of(NeedKind need) {
        return switch (need) {
            case VISIT -> VISIT;
            case CALL -> CALL;
            case SHOPPING, TRANSPORT, ACCOMPANIMENT, PAPERWORK, MEALS -> ERRAND;
            case DIGITAL_HELP, PEER_SUPPORT, HOMEWORK_HELP, MENTORING -> SESSION;
        };
    }
}
