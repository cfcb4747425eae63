package fr.cercle.model.validation;

/**
 * What a problem is about. Each rule has a plain-words message in every language of the
 * interface, looked up as {@code validation.<RULE>} with the problem's arguments.
 */
public enum Rule {
    /** The field must be filled in. */
    REQUIRED,
    /** The text is longer than {0} characters. */
    TOO_LONG,
    /** The date is after today. */
    IN_FUTURE,
    /** The date is before {0}. */
    TOO_OLD,
    /** Not a phone number one can dial. */
    INVALID_PHONE,
    /** Not an e-mail address. */
    INVALID_EMAIL,
    /** At least one choice is needed. */
    AT_LEAST_ONE,
    /** The number must be between {0} and {1}. */
    OUT_OF_RANGE,
    /** A phone number or an e-mail address is needed. */
    CONTACT_REQUIRED,
    /** With the chosen status, a date is needed. */
    DATE_REQUIRED_FOR_STATUS,
    /** A free tag contains a comma or is longer than {0} characters. */
    INVALID_TAG,
    /** Not a known language code. */
    UNKNOWN_LANGUAGE,
    /** A login is 2 to 40 lower-case letters without accents, digits, dots or dashes. */
    INVALID_LOGIN,
    /** A minor's consent is given by a parent or legal representative, who must be named. */
    GUARDIAN_REQUIRED,
    /** A consent cannot be withdrawn before it was given. */
    BEFORE_CONSENT,
    /** A helper of a minor must have a valid background check. */
    BACKGROUND_CHECK_FOR_MINOR,
    /** This helper cannot meet this need (inactive, no valid check where one is required, fully committed, or without the skill). */
    HELPER_NOT_ELIGIBLE,
    /** This part of the file is only for a file followed in its domain (elderly, health, school). */
    NOT_IN_DOMAIN,
    /** The APA is granted for GIR 1 to 4; the last assessment gives GIR {0}. */
    APA_NEEDS_GIR_1_TO_4,
    /** The person was under {0} on that day: another capacity fits. */
    TOO_YOUNG_FOR_CAPACITY,
    /** An earlier step of the path has no date. */
    STEP_SKIPPED,
    /** The date is before the previous step's ({0}). */
    STEP_BEFORE_PREVIOUS,
    /** More than the total ({0}). */
    MORE_THAN_TOTAL,
    /** A heatwave campaign is already open: close it before declaring another. */
    CAMPAIGN_ALREADY_OPEN,
    /** A minor's school follow-up needs the consent of a parent or legal representative, with its date. */
    PARENTAL_CONSENT_REQUIRED
}
