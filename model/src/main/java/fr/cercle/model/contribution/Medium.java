package fr.cercle.model.contribution;

/** How the helper and the person were in touch. */
public enum Medium {
    IN_PERSON,
    PHONE,
    VIDEO,
    MESSAGE
}
