package fr.cercle.model.helper;

/** The controlled list of what a helper can do. Free tags complete it. */
public enum Skill {
    VISITS,
    PHONE_CALLS,
    SHOPPING,
    TRANSPORT,
    ACCOMPANIMENT_TO_APPOINTMENTS,
    PAPERWORK,
    DIGITAL_HELP,
    MEALS,
    GARDENING_AND_SMALL_REPAIRS,
    PEER_SUPPORT,
    HOMEWORK_HELP,
    MENTORING,
    ORIENTATION_AND_JOB_SEARCH,
    TRANSLATION
}
