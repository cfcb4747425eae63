package fr.cercle.model.contribution;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Text;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A visit, call, session or errand a helper made for a person, as the caseworker records it in a few
 * seconds: when, how long, what, how, whether the person was reached, a short note, and a concern if
 * something worried the helper (a concern opens a follow-up for the person's referent).
 *
 * @param need    the need it answered, or null
 * @param minutes how long, in minutes (0 when the person was not reached)
 */
public record Contribution(
        ContributionId id,
        BeneficiaryId beneficiary,
        HelperId helper,
        NeedId need,
        LocalDate date,
        int minutes,
        ContributionKind kind,
        Medium medium,
        boolean contactMade,
        String note,
        String concern) {

    public static final String HELPER = "helper";
    public static final String DATE = "date";
    public static final String MINUTES = "minutes";
    public static final String KIND = "kind";
    public static final String MEDIUM = "medium";
    public static final String NOTE = "note";
    public static final String CONCERN = "concern";
    public static final int NOTE_MAX = 500;
    public static final int CONCERN_MAX = 1000;
    /** Twelve hours: longer is a typing mistake. */
    public static final int MINUTES_MAX = 720;
    /** How far back a contribution may be recorded. */
    public static final int DAYS_BACK_MAX = 366;

    public Contribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(beneficiary, "beneficiary");
        note = Text.blankToNull(note);
        concern = Text.blankToNull(concern);
    }

    public boolean hasConcern() {
        return concern != null;
    }

    /**
     * What must be fixed, each with its field: a helper, a day within the last year and not in the
     * future, a kind, a medium, a duration from 0 to 12 hours, and texts within their lengths.
     */
    public List<Problem> validate(LocalDate today) {
        return new Problems()
                .required(HELPER, helper)
                .required(DATE, date)
                .notInFuture(DATE, date, today)
                .notBefore(DATE, date, today.minusDays(DAYS_BACK_MAX))
                .required(KIND, kind)
                .required(MEDIUM, medium)
                .between(MINUTES, minutes, 0, MINUTES_MAX)
                .maxLength(NOTE, note, NOTE_MAX)
                .maxLength(CONCERN, concern, CONCERN_MAX)
                .list();
    }
}
