package fr.cercle.app.beneficiary;

import java.time.LocalDate;
import java.util.Comparator;

/** The sortable columns of the beneficiaries table, each with its comparator on precomputed keys. */
public enum BeneficiaryColumn {
    LAST_NAME(Comparator.comparing(BeneficiaryRow::lastNameKey).thenComparing(BeneficiaryRow::firstNameKey)),
    FIRST_NAME(Comparator.comparing(BeneficiaryRow::firstNameKey).thenComparing(BeneficiaryRow::lastNameKey)),
    BIRTH_DATE(Comparator.comparing((BeneficiaryRow r) -> r.summary().birthDate(),
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))),
    COMMUNE(Comparator.comparing(BeneficiaryRow::communeKey)),
    DOMAINS(Comparator.comparing(BeneficiaryRow::domainsText)),
    STATUS(Comparator.comparing((BeneficiaryRow r) -> r.summary().status())),
    REFERENT(Comparator.comparing(BeneficiaryRow::referentKey));

    private final Comparator<BeneficiaryRow> comparator;

    BeneficiaryColumn(Comparator<BeneficiaryRow> comparator) {
        this.comparator = comparator;
    }

    public Comparator<BeneficiaryRow> comparator() {
        return comparator;
    }
}
