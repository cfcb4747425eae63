package fr.cercle.model.spreadsheet;

import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a spreadsheet of people rarely says and every file needs, chosen once for the whole import:
 * the referent, the domains, and how consent was collected (its date when no column gives it).
 */
public record BeneficiaryDefaults(StaffId referent, Set<Domain> domains, ConsentScope consentScope,
                                  ConsentMethod consentMethod, LocalDate consentDate) {

    public BeneficiaryDefaults {
        Objects.requireNonNull(referent, "referent");
        domains = Set.copyOf(domains);
    }
}
