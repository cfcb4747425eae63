package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Text;

import java.time.LocalDate;

/**
 * The person's consent: when, to what, how it was collected, who gave it for a minor (a parent or
 * legal representative), and when it was withdrawn, if it was. Each part may be missing on a draft.
 *
 * @param guardian    for a minor, the parent or legal representative who consented (name and tie)
 * @param withdrawnOn the day the consent was withdrawn; the file stays, the sharing it allowed stops
 */
public record Consent(LocalDate date, ConsentScope scope, ConsentMethod method, String guardian, LocalDate withdrawnOn) {

    public static final Consent NONE = new Consent(null, null, null);

    public Consent {
        guardian = Text.blankToNull(guardian);
    }

    /** A consent given by the person themself, not withdrawn. */
    public Consent(LocalDate date, ConsentScope scope, ConsentMethod method) {
        this(date, scope, method, null, null);
    }

    public boolean withdrawn() {
        return withdrawnOn != null;
    }
}
