package fr.cercle.model.beneficiary;

import java.time.LocalDate;

/** The person's consent: when, to what, how it was collected. Each part may be missing on a draft. */
public record Consent(LocalDate date, ConsentScope scope, ConsentMethod method) {

    public static final Consent NONE = new Consent(null, null, null);
}
