package fr.cercle.model.access;

import fr.cercle.model.common.Domain;

import java.util.Optional;

/**
 * The parts of a person's file that need-to-know tells apart. Health and school parts are seen only
 * by those entitled to that domain: a school counselor never sees health fields, a nurse never sees
 * school fields.
 */
public enum Part {
    /** Names, birth date, status, referent, domains: what any reader of the file sees. */
    IDENTITY(null),
    /** Address, phone, email. */
    CONTACT(null),
    /** The free-text situation and the consent records. */
    SITUATION(null),
    /** Conditions, care contacts, therapeutic education (the chronic-disease profile). */
    HEALTH(Domain.HEALTH),
    /** School, class, absences, the dropout path (the school profile). */
    SCHOOL(Domain.SCHOOL),
    /** The AGGIR grid, the heatwave register (the elderly profile). */
    AUTONOMY(Domain.ELDERLY);

    private final Domain requires;

    Part(Domain requires) {
        this.requires = requires;
    }

    /** The domain a viewer must be entitled to, to see this part; empty for the common parts. */
    public Optional<Domain> requires() {
        return Optional.ofNullable(requires);
    }
}
