package fr.cercle.model.spreadsheet;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.spreadsheet.RowProblem.Issue;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SheetCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Commune GUERET = new Commune(new InseeCode("23096"), "Guéret", List.of("23000"), "23", "75", "e1", "Grand Guéret", 13000);
    static final Commune SAINT_DENIS_93 = new Commune(new InseeCode("93066"), "Saint-Denis", List.of("93200", "93210"), "93", "11", "e2", "Plaine", 110000);
    static final Commune SAINT_DENIS_974 = new Commune(new InseeCode("97411"), "Saint-Denis", List.of("97400"), "974", "04", "e3", "Cinor", 150000);
    static final Commune BOURG = new Commune(new InseeCode("01053"), "Bourg-en-Bresse", List.of("01000"), "01", "84", "e4", "Bassin", 41000);
    static final CommuneIndex COMMUNES = new CommuneIndex(List.of(GUERET, SAINT_DENIS_93, SAINT_DENIS_974, BOURG));
    static final StaffId REFERENT = StaffId.newId();
    static final BeneficiaryDefaults DEFAULTS = new BeneficiaryDefaults(REFERENT, Set.of(Domain.ELDERLY),
            ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM, TODAY);
    static final List<String> HEADERS = List.of("Nom", "Prénom", "Date de naissance", "Code postal", "Commune", "Téléphone");

    static Sheet sheet(List<String> headers, String... lines) {
        List<Sheet.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new Sheet.Row(i + 2, List.of(lines[i].split(";", -1))));
        }
        return new Sheet(headers, rows, "UTF-8", ';');
    }

    static SheetCheck.Result<Beneficiary> check(Sheet sheet, List<BeneficiarySummary> existing) {
        return SheetCheck.beneficiaries(sheet, ColumnMapping.guess(ImportKind.BENEFICIARIES, sheet.headers()), DEFAULTS,
                COMMUNES, existing, TODAY);
    }

    @Test
    void aGoodSheetBecomesFilesWithTheImportsDefaults() {
        var result = check(sheet(HEADERS, "Martin;Jeanne;14/06/1941;23000;Guéret;612345678",
                "Durand;Paul;1950-01-02;;Bourg en Bresse;"), List.of());

        assertThat(result.problems()).isEmpty();
        assertThat(result.importable()).isTrue();
        Beneficiary jeanne = result.records().get(0).record();
        assertThat(jeanne.address().commune()).isEqualTo(GUERET.code());
        assertThat(jeanne.contact().phone()).isEqualTo("0612345678");
        assertThat(jeanne.referent()).isEqualTo(REFERENT);
        assertThat(jeanne.consent().date()).isEqualTo(TODAY);
        assertThat(result.records().get(1).record().address().postalCode()).isEqualTo("01000");
    }

    @Test
    void everyProblemNamesItsLineAndColumn() {
        var result = check(sheet(HEADERS, "Martin;Jeanne;31/02/1941;23000;Guéret;",
                ";Paul;02/01/1950;;Atlantis;",
                "Petit;Lou;02/01/1950;;Saint-Denis;",
                "Grand;Léa;02/01/2030;97400;Saint Denis;abc",
                "Long;" + "x".repeat(101) + ";02/01/1950;1000;;"), List.of());

        assertThat(result.problems()).extracting(RowProblem::line, RowProblem::column, RowProblem::issue, RowProblem::rule)
                .containsExactly(
                        tuple(2, "Date de naissance", Issue.NOT_A_DATE, null),
                        tuple(3, "Commune", Issue.UNKNOWN_COMMUNE, null),
                        tuple(3, "Nom", Issue.INVALID, Rule.REQUIRED),
                        tuple(4, "Commune", Issue.AMBIGUOUS_COMMUNE, null),
                        tuple(5, "Date de naissance", Issue.INVALID, Rule.IN_FUTURE),
                        tuple(5, "Téléphone", Issue.INVALID, Rule.INVALID_PHONE),
                        tuple(6, "Prénom", Issue.INVALID, Rule.TOO_LONG));
        assertThat(result.records()).isEmpty();
        assertThat(result.linesInError()).isEqualTo(5);
        assertThat(result.importable()).isFalse();
    }

    @Test
    void findsTheSamePersonTwiceInTheFileAndAmongExistingFiles() {
        BeneficiarySummary known = new BeneficiarySummary(BeneficiaryId.newId(), "Jeanne", "Martin",
                LocalDate.of(1941, 6, 14), GUERET.code(), "Guéret", "23000", Set.of(Domain.ELDERLY),
                BeneficiaryStatus.ACTIVE, "Claire Dupont");
        var result = check(sheet(HEADERS, "MARTIN;Jeanne;14/06/1941;;Guéret;", "Durand;Paul;01/01/1950;;Guéret;",
                "Durant;Paul;01/01/1951;;Guéret;", "durand;paul;01/01/1950;;Gueret;"), List.of(known));

        assertThat(result.problems()).extracting(RowProblem::line, RowProblem::issue, RowProblem::args)
                .containsExactly(
                        tuple(2, Issue.DUPLICATE_IN_DATABASE, List.of("Jeanne Martin (Guéret)")),
                        tuple(4, Issue.SIMILAR_IN_FILE, List.of(3)),
                        tuple(5, Issue.DUPLICATE_IN_FILE, List.of(3)));
        assertThat(result.records()).extracting(SheetCheck.Line::line).containsExactly(3, 4);
    }

    @Test
    void helpersAreTheSameByNameInTheCommuneByEmailOrByPhone() {
        Helper known = Helper.builder().firstName("Ali").lastName("Ben").commune(GUERET.code())
                .contact(new fr.cercle.model.common.Contact("06 11 22 33 44", null)).build();
        Sheet sheet = sheet(List.of("Prénom", "Nom", "Commune", "Téléphone", "Email", "Engagements max"),
                "Zoé;Roy;Guéret;;zoe@example.fr;2", "Ali;Ben;Bourg-en-Bresse;0611223344;;", "Zoé;Roi;Guéret;;ZOE@example.fr;",
                "Max;Lenoir;Guéret;;;trois");

        var result = SheetCheck.helpers(sheet, ColumnMapping.guess(ImportKind.HELPERS, sheet.headers()), COMMUNES,
                List.of(known), TODAY);

        assertThat(result.problems()).extracting(RowProblem::line, RowProblem::issue)
                .containsExactly(tuple(3, Issue.DUPLICATE_IN_DATABASE), tuple(4, Issue.DUPLICATE_IN_FILE),
                        tuple(5, Issue.NOT_A_NUMBER), tuple(5, Issue.INVALID));
        assertThat(result.records().get(0).record().maxCommitments()).isEqualTo(2);
    }
}
