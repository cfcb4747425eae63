package fr.cercle.model.heatwave;

import java.util.Optional;

/**
 * The steps of reaching a registered person during an alert: a call; when unreachable, a second call;
 * then a visit at home; then the emergency contact is called. After that, the emergency services'
 * procedures take over, outside Cercle.
 */
public enum CallStep {
    CALL,
    SECOND_CALL,
    VISIT,
    EMERGENCY_CONTACT;

    /** The step after this one when the person could not be reached, if any is left. */
    public Optional<CallStep> escalation() {
        return this == EMERGENCY_CONTACT ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
