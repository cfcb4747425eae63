package fr.cercle.model.agenda;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedKind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A contact the agenda expects: who (the person and the helper), for which need, on which day, and
 * the day it was done, if a contact made answered it (see {@link WeekAgenda} for what counts).
 *
 * @param doneOn the day of the contribution that answered it, or null
 */
public record PlannedContact(NeedId need, BeneficiaryId file, String person, HelperId helper, String helperName,
                             NeedKind kind, Frequency frequency, LocalDate day, LocalDate doneOn) {

    /** Where a planned contact stands on a day. */
    public enum Status {
        /** A contact was made for it. */
        DONE,
        /** Its day has passed and nothing answered it yet. */
        LATE,
        /** Its day is today or ahead. */
        PLANNED
    }

    public PlannedContact {
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(helper, "helper");
        Objects.requireNonNull(day, "day");
    }

    public boolean done() {
        return doneOn != null;
    }

    public Status status(LocalDate today) {
        return done() ? Status.DONE : day.isBefore(today) ? Status.LATE : Status.PLANNED;
    }

    PlannedContact doneOn(LocalDate day) {
        return new PlannedContact(need, file, person, helper, helperName, kind, frequency, this.day, day);
    }
}
