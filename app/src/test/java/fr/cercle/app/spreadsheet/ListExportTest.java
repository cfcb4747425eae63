package fr.cercle.app.spreadsheet;

import fr.cercle.app.TestApp;
import fr.cercle.app.beneficiary.BeneficiaryListViewModel;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.spreadsheet.SheetReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A list exported as it is shown, read back as a spreadsheet would read it. */
class ListExportTest {

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir.resolve("data"), TaskRunner.direct(), Language.FRENCH);
        StaffId author = app.context().author();
        app.context().beneficiaries().save(TestData.beneficiary(author).domains(Set.of(Domain.ELDERLY)).build(), author);
        app.context().beneficiaries().save(TestData.beneficiary(author).firstName("Hélène").lastName("Lefèvre; dite « Lulu »")
                .domains(Set.of(Domain.HEALTH)).build(), author);
        app.context().beneficiaries().save(TestData.beneficiary(author).firstName("Paul").lastName("Durand")
                .domains(Set.of(Domain.SCHOOL)).birthDate(LocalDate.of(2012, 5, 1))
                .consent(new fr.cercle.model.beneficiary.Consent(LocalDate.of(2026, 1, 5),
                        fr.cercle.model.beneficiary.ConsentScope.FOLLOW_UP, fr.cercle.model.beneficiary.ConsentMethod.LEGAL_REPRESENTATIVE,
                        "Sa mère", null)).build(), author);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theFilteredListIsWrittenAsShownAndReadsBack() throws Exception {
        BeneficiaryListViewModel list = new BeneficiaryListViewModel(app.context());
        list.load();
        list.domainProperty().set(Domain.HEALTH);
        List<ListExport.Column<BeneficiaryRow>> columns = List.of(
                new ListExport.Column<>("Nom", r -> r.summary().lastName()),
                new ListExport.Column<>("Prénom", r -> r.summary().firstName()),
                new ListExport.Column<>("Né(e) le", BeneficiaryRow::birthDateText),
                new ListExport.Column<>("Domaines", BeneficiaryRow::domainsText));
        Path file = dir.resolve("personnes.csv");
        List<String> said = new ArrayList<>();

        new ListExport(app.context().tasks(), app.context().i18n()).export(list.rows(), columns, file, said::add);

        assertThat(said).containsExactly("1 ligne exportée dans personnes.csv");
        Sheet back = SheetReader.read(file);
        assertThat(back.separator()).isEqualTo(';');
        assertThat(back.headers()).containsExactly("Nom", "Prénom", "Né(e) le", "Domaines");
        assertThat(back.rows()).extracting(Sheet.Row::cells)
                .containsExactly(List.of("Lefèvre; dite « Lulu »", "Hélène", "02/03/1938", "Maladie chronique"));
        assertThat(ListExport.suggestedName("personnes", LocalDate.of(2026, 11, 27))).isEqualTo("personnes-2026-11-27.csv");
    }
}
