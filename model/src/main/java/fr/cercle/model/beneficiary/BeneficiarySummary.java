package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Sets;

import java.time.LocalDate;
import java.util.Set;

/** One line of the beneficiaries list: what is needed to find, sort and recognise a person. */
public record BeneficiarySummary(
        BeneficiaryId id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        InseeCode commune,
        String communeName,
        String postalCode,
        Set<Domain> domains,
        BeneficiaryStatus status,
        String referentName) {

    public BeneficiarySummary {
        domains = Sets.enums(Domain.class, domains);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
