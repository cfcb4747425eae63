package fr.cercle.model.installation;

/** The kind of public service that runs an installation. */
public enum StructureKind {
    /** Centre communal (or intercommunal) d'action sociale. */
    CCAS,
    TOWN_HALL,
    SCHOOL,
    /** Plateforme de suivi et d'appui aux décrocheurs. */
    DROPOUT_PLATFORM,
    HEALTH_CENTRE,
    ASSOCIATION,
    OTHER
}
