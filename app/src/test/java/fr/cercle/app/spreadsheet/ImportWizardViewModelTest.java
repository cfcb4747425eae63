package fr.cercle.app.spreadsheet;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.ImportKind;
import fr.cercle.model.spreadsheet.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static org.assertj.core.api.Assertions.assertThat;

/** The import wizard without a screen: reading, the mapping, the problems in words, the import, all or nothing. */
class ImportWizardViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    final List<Integer> imported = new ArrayList<>();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir.resolve("data"), TaskRunner.direct(), Language.FRENCH);
    }

    @AfterEach
    void close() {
        app.close();
    }

    Path csv(String text, Charset charset) throws Exception {
        Path file = dir.resolve("personnes.csv");
        Files.write(file, text.getBytes(charset));
        return file;
    }

    ImportWizardViewModel wizard(ImportKind kind) {
        return new ImportWizardViewModel(app.context(), kind, imported::add);
    }

    int files() {
        return app.db().dsl().fetchCount(BENEFICIARY);
    }

    @Test
    void readsTheFileGuessesTheColumnsAndShowsTheFirstLines() throws Exception {
        ImportWizardViewModel wizard = wizard(ImportKind.BENEFICIARIES);

        wizard.open(csv("NOM;Prénom;Né(e) le;Commune;Remarque\nMartin;Jeanne;14/06/1941;Guéret;\n"
                + "Lefèvre;Hélène;02/03/1938;La Souterraine;voisine\n", Charset.forName("windows-1252")));

        assertThat(wizard.fileNameProperty().get()).isEqualTo("personnes.csv");
        assertThat(wizard.fileInfoProperty().get()).isEqualTo("Lu en windows-1252, séparateur « ; », 2 lignes");
        assertThat(wizard.columns()).extracting(c -> c.target().get().target())
                .containsExactly(Target.LAST_NAME, Target.FIRST_NAME, null, Target.COMMUNE, null);
        assertThat(wizard.preview()).hasSize(2);
        assertThat(wizard.preview().get(1).cells()).containsExactly("Lefèvre", "Hélène", "02/03/1938", "La Souterraine", "voisine");
        assertThat(wizard.mappingTextProperty().get()).isEqualTo("Colonne obligatoire à choisir : Date de naissance.");
        assertThat(wizard.importableProperty().get()).isFalse();

        wizard.columns().get(2).target().set(wizard.targetChoices().stream()
                .filter(c -> c.target() == Target.BIRTH_DATE).findFirst().orElseThrow());

        assertThat(wizard.mappingTextProperty().get()).isEmpty();
        assertThat(wizard.summaryProperty().get()).isEqualTo("2 lignes : 2 prêtes, aucune en erreur.");
        assertThat(wizard.problems()).isEmpty();
        assertThat(wizard.importableProperty().get()).isTrue();
    }

    @Test
    void namesEveryProblemByLineAndColumnAndImportsOnceTheFileIsFixed() throws Exception {
        Path file = csv("Nom;Prénom;Date de naissance;Commune;Téléphone\nMartin;Jeanne;31/02/1941;Guéret;\n"
                + "Durand;Paul;01/01/1950;Atlantis;\n;Lou;01/01/1950;Guéret;12\n", StandardCharsets.UTF_8);
        ImportWizardViewModel wizard = wizard(ImportKind.BENEFICIARIES);

        wizard.open(file);

        assertThat(wizard.summaryProperty().get()).isEqualTo("3 lignes : aucune prête, 3 en erreur.");
        assertThat(wizard.problems()).containsExactly(
                "Ligne 2 · Date de naissance : « 31/02/1941 » n’est pas une date (jour/mois/année attendu, par exemple 14/06/1941).",
                "Ligne 3 · Commune : Aucune commune « Atlantis » dans le référentiel des communes.",
                "Ligne 4 · Nom : Ce champ est obligatoire.",
                "Ligne 4 · Téléphone : " + app.context().i18n().get("validation.INVALID_PHONE"));
        assertThat(wizard.importableProperty().get()).isFalse();

        Files.writeString(file, "Nom;Prénom;Date de naissance;Commune;Téléphone\nMartin;Jeanne;28/02/1941;Guéret;\n"
                + "Durand;Paul;01/01/1950;Guéret;\nPetit;Lou;01/01/1950;Guéret;0555000000\n");
        wizard.reload();
        assertThat(wizard.problems()).isEmpty();
        wizard.importAll();

        assertThat(imported).containsExactly(3);
        assertThat(files()).isEqualTo(3);
    }

    @Test
    void tellsWhyAFileCannotBeRead() throws Exception {
        ImportWizardViewModel wizard = wizard(ImportKind.HELPERS);

        wizard.open(csv("", StandardCharsets.UTF_8));
        assertThat(wizard.failureProperty().get()).isEqualTo("Ce fichier est vide.");
        assertThat(wizard.loadedProperty().get()).isFalse();

        Path workbook = dir.resolve("aidants.xlsx");
        Files.write(workbook, new byte[]{'P', 'K', 3, 4, 0, 0});
        wizard.open(workbook);
        assertThat(wizard.failureProperty().get()).startsWith("C’est un classeur Excel");
    }

    @Test
    void aPersonSavedElsewhereWhileTheWizardWasOpenStopsTheImportAndNothingIsWritten() throws Exception {
        ImportWizardViewModel wizard = wizard(ImportKind.BENEFICIARIES);
        wizard.open(csv("Nom;Prénom;Date de naissance;Commune\nDurand;Paul;01/01/1950;Guéret\n"
                + "Martin;Jeanne;02/03/1938;La Souterraine\n", StandardCharsets.UTF_8));
        assertThat(wizard.importableProperty().get()).isTrue();
        app.context().beneficiaries().save(fr.cercle.persistence.TestData.beneficiary(app.context().author()).build(),
                app.context().author());

        wizard.importAll();

        assertThat(files()).isEqualTo(1);
        assertThat(imported).isEmpty();
        assertThat(wizard.failureProperty().get()).startsWith("Des lignes ont des problèmes : rien n’a été enregistré.");
        assertThat(wizard.problems()).containsExactly("Ligne 3 : Existe déjà dans Cercle : Jeanne Martin (La Souterraine).");
        assertThat(wizard.importableProperty().get()).isFalse();
    }

    @Test
    void onlyThoseWhoMayCreateRecordsMayImportAndACaseworkerImportsIntoTheirDomains() {
        assertThat(ImportWizardViewModel.allowed(app.context(), ImportKind.BENEFICIARIES)).isTrue();
        Viewer evaluator = new Viewer("eve", Optional.empty(), Set.of(Role.EVALUATOR), Set.of());
        app.context().viewerProperty().set(evaluator);
        assertThat(ImportWizardViewModel.allowed(app.context(), ImportKind.HELPERS)).isFalse();

        Viewer caseworker = new Viewer("claire", Optional.of(app.context().author()), Set.of(Role.CASEWORKER),
                Set.of(Domain.HEALTH));
        app.context().viewerProperty().set(caseworker);
        assertThat(wizard(ImportKind.BENEFICIARIES).domains()).containsExactly(Domain.HEALTH);
    }
}
