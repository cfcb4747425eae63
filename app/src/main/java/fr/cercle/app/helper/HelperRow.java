package fr.cercle.app.helper;

import fr.cercle.app.i18n.I18n;
import fr.cercle.model.common.Text;
import fr.cercle.model.helper.HelperSummary;

import java.util.stream.Collectors;

/** One line of the helpers table, with its search text, sort keys and cell texts computed once. */
public record HelperRow(
        HelperSummary summary,
        String searchText,
        String lastNameKey,
        String firstNameKey,
        String communeKey,
        String skillsText,
        String checkText,
        String statusText) {

    public static HelperRow of(HelperSummary s, I18n i18n) {
        String commune = s.communeName() == null ? "" : s.communeName();
        String skills = s.skills().stream().map(i18n::label).collect(Collectors.joining(", "));
        String search = String.join(" ", Text.fold(s.lastName()), Text.fold(s.firstName()), Text.fold(commune),
                s.postalCode() == null ? "" : s.postalCode(), Text.fold(skills));
        return new HelperRow(s, search, Text.fold(s.lastName()), Text.fold(s.firstName()), Text.fold(commune), skills,
                i18n.label(s.backgroundCheck()), i18n.label(s.status()));
    }
}
