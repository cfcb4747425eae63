package fr.cercle.app.beneficiary;

import fr.cercle.app.i18n.I18n;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.common.Text;

import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Collectors;

/**
 * One line of the beneficiaries table, with what searching and sorting need computed once when the
 * list loads: folded keys, and the texts the cells show.
 */
public record BeneficiaryRow(
        BeneficiarySummary summary,
        String searchText,
        String lastNameKey,
        String firstNameKey,
        String communeKey,
        String referentKey,
        String domainsText,
        String statusText,
        String birthDateText,
        Integer age) {

    public static BeneficiaryRow of(BeneficiarySummary s, I18n i18n, LocalDate today) {
        String commune = s.communeName() == null ? "" : s.communeName();
        String search = String.join(" ", Text.fold(s.lastName()), Text.fold(s.firstName()), Text.fold(commune),
                s.postalCode() == null ? "" : s.postalCode());
        String domains = s.domains().stream().map(i18n::label).collect(Collectors.joining(", "));
        Integer age = s.birthDate() == null ? null : Period.between(s.birthDate(), today).getYears();
        return new BeneficiaryRow(s, search, Text.fold(s.lastName()), Text.fold(s.firstName()), Text.fold(commune),
                Text.fold(s.referentName()), domains, i18n.label(s.status()), i18n.date(s.birthDate()), age);
    }
}
