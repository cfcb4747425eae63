package fr.cercle.model.dashboard;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One record behind a figure of the dashboard: a person's file, a helper, a contribution, a need or a
 * follow-up, named by the person (or the helper) it concerns.
 *
 * @param id     the record's id (the file, helper, contribution, need or follow-up)
 * @param name   the person's or helper's first and last name
 * @param date   the day that matters for this figure (contribution, opening, matching, last contact, due
 *               date); may be empty
 * @param amount the number that matters for this figure (minutes, days waited, days since the last
 *               contact); may be empty
 * @param file   the person's file this line opens; empty for a helper
 * @param helper the helper this line opens; empty for a person
 * @param kind   which kind of the figure this line is, when the list mixes them: the name of the
 *               {@code DropoutStep} reached or of the {@code DropoutOutcome}; empty otherwise
 */
public record DashboardLine(UUID id, String name, LocalDate date, Integer amount, BeneficiaryId file, HelperId helper,
                            String kind) {

    public DashboardLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** A line of a figure whose lines are all of one kind. */
    public DashboardLine(UUID id, String name, LocalDate date, Integer amount, BeneficiaryId file, HelperId helper) {
        this(id, name, date, amount, file, helper, null);
    }
}
