package fr.cercle.model.profile;

import fr.cercle.model.common.Text;

import java.time.LocalDate;

/**
 * The agreement of a parent or legal representative to the school follow-up of a minor: when, and who
 * gave it (name and tie).
 */
public record ParentalConsent(LocalDate date, String givenBy) {

    public static final ParentalConsent NONE = new ParentalConsent(null, null);
    public static final int GIVEN_BY_MAX = 200;

    public ParentalConsent {
        givenBy = Text.blankToNull(givenBy);
    }

    public boolean isEmpty() {
        return date == null && givenBy == null;
    }
}
