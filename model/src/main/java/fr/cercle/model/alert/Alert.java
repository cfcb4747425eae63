package fr.cercle.model.alert;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.NeedKind;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thing that needs attention, with what it is about (a person's file, or a helper) and a day:
 * <ul>
 * <li>no contact: the last day the person was reached (or, never reached, the day the file was made);</li>
 * <li>follow-up overdue: its due date;</li>
 * <li>need unmet: the day it was opened ({@link #need} says which kind);</li>
 * <li>helper inactive: the last day they recorded something (or, never, the day they were recorded);</li>
 * <li>consent or background check expiring: the day it ends, today or ahead, or already past.</li>
 * </ul>
 *
 * @param file   the person's file, for the alerts about a person (null for a helper's)
 * @param helper the helper, for the alerts about a helper (null for a person's)
 * @param name   the person's or the helper's full name
 * @param need   the kind of the unmet need, for {@link AlertKind#NEED_UNMET} only
 * @param neverReached for no contact: nobody has ever reached the person; {@code since} is the day the
 *                     file was recorded
 */
public record Alert(AlertKind kind, BeneficiaryId file, HelperId helper, String name, LocalDate since, NeedKind need,
                    boolean neverReached) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        if (kind.aboutHelper() ? helper == null : file == null) {
            throw new IllegalArgumentException(kind + " is about a " + (kind.aboutHelper() ? "helper" : "file"));
        }
    }

    public static Alert aboutFile(AlertKind kind, BeneficiaryId file, String name, LocalDate since) {
        return new Alert(kind, file, null, name, since, null, false);
    }

    public static Alert aboutHelper(AlertKind kind, HelperId helper, String name, LocalDate since) {
        return new Alert(kind, null, helper, name, since, null, false);
    }

    /** No contact with a person nobody has ever reached, counted from the day their file was recorded. */
    public static Alert neverReached(BeneficiaryId file, String name, LocalDate recorded) {
        return new Alert(AlertKind.NO_CONTACT, file, null, name, recorded, null, true);
    }

    /** Days from its day to {@code today}: how long it lasts, or, negative, how long until it ends. */
    public long days(LocalDate today) {
        return ChronoUnit.DAYS.between(since, today);
    }
}
