package fr.cercle.app.spreadsheet;

import fr.cercle.app.TestApp;
import fr.cercle.app.audit.AuditViewModel;
import fr.cercle.app.beneficiary.BeneficiaryListViewModel;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.audit.ExportedList;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.spreadsheet.SheetReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

        new ListExport(app.context()).export("beneficiaries", "Maladie chronique", list.rows(), columns, file, said::add);

        assertThat(said).containsExactly("1 ligne exportée dans personnes.csv");
        Sheet back = SheetReader.read(file);
        assertThat(back.separator()).isEqualTo(';');
        assertThat(back.headers()).containsExactly("Nom", "Prénom", "Né(e) le", "Domaines");
        assertThat(back.rows()).extracting(Sheet.Row::cells)
                .containsExactly(List.of("Lefèvre; dite « Lulu »", "Hélène", "02/03/1938", "Maladie chronique"));
        assertThat(ListExport.suggestedName("personnes", LocalDate.of(2026, 11, 27))).isEqualTo("personnes-2026-11-27.csv");
    }

    @Test
    void anExportLeavesOneLineInTheAuditTrailThatTheAuditScreenShows() {
        BeneficiaryListViewModel list = new BeneficiaryListViewModel(app.context());
        list.load();
        Path file = dir.resolve("exports").resolve("personnes-2026-11-25.csv");
        file.getParent().toFile().mkdirs();
        AuditTrail trail = new AuditTrail(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer());
        int before = trail.search(AuditQuery.everything(), ZoneOffset.UTC).size();

        new ListExport(app.context()).export("beneficiaries", "", list.rows(),
                List.of(new ListExport.Column<>("Nom", (BeneficiaryRow r) -> r.summary().lastName())), file, said -> { });

        List<AuditEntry> after = trail.search(AuditQuery.everything(), ZoneOffset.UTC);
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(0).list()).contains(new ExportedList("beneficiaries", 3, "", "personnes-2026-11-25.csv"));
        AuditViewModel screen = new AuditViewModel(app.context());
        screen.load();
        assertThat(screen.rows().get(0)).satisfies(row -> {
            assertThat(row.action()).isEqualTo("Export");
            assertThat(row.kind()).isEqualTo("Liste exportée");
            assertThat(row.record()).isEqualTo(
                    "Personnes accompagnées : 3 lignes (toute la liste) dans le fichier personnes-2026-11-25.csv");
        });
    }
}
