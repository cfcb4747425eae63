package fr.cercle.model.spreadsheet;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnMappingTest {

    @Test
    void guessesFrenchHeadersWhateverTheirAccentsAndCase() {
        ColumnMapping mapping = ColumnMapping.guess(ImportKind.BENEFICIARIES,
                List.of("NOM", "Prénom", "Date de naissance", "Code postal", "Commune", "Téléphone", "Courriel", "Divers"));

        assertThat(mapping.targets()).containsExactly(Target.LAST_NAME, Target.FIRST_NAME, Target.BIRTH_DATE,
                Target.POSTAL_CODE, Target.COMMUNE, Target.PHONE, Target.EMAIL, null);
        assertThat(mapping.isComplete()).isTrue();
    }

    @Test
    void guessesEnglishHeadersAndHeadersThatStartWithAName() {
        ColumnMapping mapping = ColumnMapping.guess(ImportKind.HELPERS,
                List.of("First name", "Last name", "E-mail", "Nom de jeune fille", "Nombre d'enfants", "City"));

        assertThat(mapping.targets()).containsExactly(Target.FIRST_NAME, Target.LAST_NAME, Target.EMAIL, null, null,
                Target.COMMUNE);
    }

    @Test
    void saysWhatIsMissingAndWhatIsFilledTwice() {
        ColumnMapping mapping = ColumnMapping.guess(ImportKind.BENEFICIARIES, List.of("Nom", "Prénom", "Ville"))
                .with(1, Target.LAST_NAME);

        assertThat(mapping.missing()).containsExactly(Target.FIRST_NAME, Target.BIRTH_DATE);
        assertThat(mapping.twice()).containsExactly(Target.LAST_NAME);
        assertThat(mapping.isComplete()).isFalse();
        assertThat(ColumnMapping.none(ImportKind.HELPERS, List.of("a")).missing())
                .containsExactly(Target.LAST_NAME, Target.FIRST_NAME, Target.COMMUNE);
    }

    @Test
    void readsDatesAsFrenchSpreadsheetsWriteThem() {
        assertThat(Arrays.asList("25/12/1950", "5/3/1950", "25-12-1950", "25.12.1950", "1950-12-25", "25/12/1950 00:00")
                .stream().map(c -> Cells.date(c).orElse(null)))
                .containsExactly(LocalDate.of(1950, 12, 25), LocalDate.of(1950, 3, 5), LocalDate.of(1950, 12, 25),
                        LocalDate.of(1950, 12, 25), LocalDate.of(1950, 12, 25), LocalDate.of(1950, 12, 25));
        assertThat(Cells.date("31/02/1950")).isEmpty();
        assertThat(Cells.date("12/1950")).isEmpty();
        assertThat(Cells.date("5/3/50")).isEmpty();
        assertThat(Cells.phone("612345678")).isEqualTo("0612345678");
        assertThat(Cells.wholeNumber("3,0")).contains(3);
    }
}
