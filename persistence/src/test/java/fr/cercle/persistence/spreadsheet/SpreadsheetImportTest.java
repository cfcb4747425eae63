package fr.cercle.persistence.spreadsheet;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.BeneficiaryDefaults;
import fr.cercle.model.spreadsheet.ColumnMapping;
import fr.cercle.model.spreadsheet.ImportKind;
import fr.cercle.model.spreadsheet.RowProblem;
import fr.cercle.model.spreadsheet.RowProblem.Issue;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.spreadsheet.Target;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Rule;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Importing spreadsheets into a real database: every kind of problem is reported with its line and
 * column, and any problem means nothing at all is written; a good sheet is written whole, journaled.
 */
class SpreadsheetImportTest {

    static final String HEADERS = "Nom;Prénom;Date de naissance;Code postal;Commune;Téléphone;Courriel\n";

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    BeneficiaryDefaults defaults;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir.resolve("db"), TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        defaults = new BeneficiaryDefaults(claire.id(), Set.of(Domain.ELDERLY), ConsentScope.FOLLOW_UP,
                ConsentMethod.SIGNED_FORM, LocalDate.now(TestData.CLOCK));
    }

    @AfterEach
    void close() {
        db.close();
    }

    SpreadsheetImport importer(Viewer viewer) {
        return new SpreadsheetImport(new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), viewer),
                new HelperRepository(db.dsl(), db.writer(), db.clock(), viewer), new CommuneRepository(db.dsl()),
                db.writer(), db.clock());
    }

    Sheet sheet(String text) throws Exception {
        Path file = dir.resolve("import.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return SheetReader.read(file);
    }

    ColumnMapping guess(Sheet sheet) {
        return ColumnMapping.guess(ImportKind.BENEFICIARIES, sheet.headers());
    }

    int files() {
        return db.dsl().fetchCount(BENEFICIARY);
    }

    int journal() {
        return db.dsl().fetchCount(CHANGE_JOURNAL);
    }

    /** Imports a sheet that must be refused, checks that nothing was written, and returns its problems. */
    java.util.List<RowProblem> refused(String text) throws Exception {
        Sheet sheet = sheet(text);
        int filesBefore = files();
        int journalBefore = journal();
        ImportRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(ImportRefusedException.class,
                () -> importer(TestData.ALL_ACCESS).importBeneficiaries(sheet, guess(sheet), defaults, claire.id(), Progress.NONE));
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(journal()).isEqualTo(journalBefore);
        return refused.check().problems();
    }

    @Test
    void aGoodSheetIsWrittenWholeEachFileJournaled() throws Exception {
        Sheet sheet = sheet(HEADERS + "Martin;Jeanne;14/06/1941;23000;Guéret;05 55 52 00 00;\n"
                + "Lefèvre;Hélène;1938-03-02;23300;La Souterraine;;helene@example.fr\n"
                + "Roux;Marcel;02/01/1945;;St-Vaury;555520000;\n");
        int journalBefore = journal();

        int written = importer(TestData.ALL_ACCESS).importBeneficiaries(sheet, guess(sheet), defaults, claire.id(), Progress.NONE);

        assertThat(written).isEqualTo(3);
        assertThat(db.dsl().select(BENEFICIARY.LAST_NAME, BENEFICIARY.COMMUNE_INSEE, BENEFICIARY.POSTAL_CODE, BENEFICIARY.PHONE)
                .from(BENEFICIARY).orderBy(BENEFICIARY.LAST_NAME).fetch().map(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())))
                .containsExactly(tuple("Lefèvre", "23176", "23300", null), tuple("Martin", "23096", "23000", "05 55 52 00 00"),
                        tuple("Roux", "23247", "23320", "0555520000"));
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY.eq("beneficiary")))
                .isEqualTo(3);
        assertThat(journal()).isEqualTo(journalBefore + 3);
    }

    @Test
    void aWrongDateIsRefusedWithItsLineAndColumn() throws Exception {
        assertThat(refused(HEADERS + "Martin;Jeanne;14/06/1941;23000;Guéret;;\nDurand;Paul;31/02/1950;23000;Guéret;;\n"))
                .extracting(RowProblem::line, RowProblem::column, RowProblem::issue, RowProblem::args)
                .containsExactly(tuple(3, "Date de naissance", Issue.NOT_A_DATE, java.util.List.of("31/02/1950")));
    }

    @Test
    void anUnknownCommuneIsRefused() throws Exception {
        assertThat(refused(HEADERS + "Martin;Jeanne;14/06/1941;;Guéretville;;\nDurand;Paul;01/02/1950;99999;;;\n"
                + "Petit;Lou;01/02/1950;23300;Guéret;;\n"))
                .extracting(RowProblem::line, RowProblem::column, RowProblem::issue)
                .containsExactly(tuple(2, "Commune", Issue.UNKNOWN_COMMUNE), tuple(3, "Code postal", Issue.UNKNOWN_COMMUNE),
                        tuple(4, "Code postal", Issue.UNKNOWN_COMMUNE));
    }

    @Test
    void aCommuneNamedTwiceInFranceNeedsItsPostalCode() throws Exception {
        assertThat(refused(HEADERS + "Martin;Jeanne;14/06/1941;;Saint-Denis;;\n"))
                .extracting(RowProblem::line, RowProblem::issue).containsExactly(tuple(2, Issue.AMBIGUOUS_COMMUNE));
    }

    @Test
    void aTooLongTextIsRefused() throws Exception {
        assertThat(refused(HEADERS + "Martin;" + "J".repeat(101) + ";14/06/1941;23000;Guéret;;" + "a".repeat(250) + "@example.fr\n"))
                .extracting(RowProblem::line, RowProblem::column, RowProblem::rule)
                .containsExactly(tuple(2, "Courriel", Rule.TOO_LONG), tuple(2, "Prénom", Rule.TOO_LONG));
    }

    @Test
    void theSamePersonTwiceInTheFileIsRefused() throws Exception {
        assertThat(refused(HEADERS + "Martin;Jeanne;14/06/1941;23000;Guéret;;\nMARTIN;Jeanne;14/06/1941;23300;La Souterraine;;\n"))
                .extracting(RowProblem::line, RowProblem::issue, RowProblem::args)
                .containsExactly(tuple(3, Issue.DUPLICATE_IN_FILE, java.util.List.of(2)));
    }

    @Test
    void aPersonAlreadyInTheDatabaseIsRefused() throws Exception {
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS)
                .save(TestData.beneficiary(claire.id()).build(), claire.id());

        assertThat(refused(HEADERS + "Martin;Jeanne;02/03/1938;23000;Guéret;;\n"))
                .extracting(RowProblem::line, RowProblem::issue, RowProblem::args)
                .containsExactly(tuple(2, Issue.DUPLICATE_IN_DATABASE, java.util.List.of("Jeanne Martin (La Souterraine)")));
    }

    @Test
    void oneBadLineAmongManyGoodOnesMeansNothingIsWritten() throws Exception {
        StringBuilder text = new StringBuilder(HEADERS);
        for (int i = 0; i < 200; i++) {
            text.append("Nom").append(i).append(";Prénom;01/01/1950;23000;Guéret;;\n");
        }
        text.append("Dernier;Prénom;01/01/1950;23000;Guéret;pas un numéro;\n");

        assertThat(refused(text.toString())).filteredOn(RowProblem::blocking).extracting(RowProblem::line, RowProblem::column, RowProblem::rule)
                .containsExactly(tuple(202, "Téléphone", Rule.INVALID_PHONE));
    }

    @Test
    void aMissingRequiredColumnStopsTheImportBeforeAnyLine() throws Exception {
        Sheet sheet = sheet("Nom;Prénom;Commune\nMartin;Jeanne;Guéret\n");
        ColumnMapping mapping = guess(sheet);

        assertThat(mapping.missing()).containsExactly(Target.BIRTH_DATE);
        assertThatThrownBy(() -> importer(TestData.ALL_ACCESS).importBeneficiaries(sheet, mapping, defaults, claire.id(), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(files()).isZero();
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        StringBuilder text = new StringBuilder(HEADERS);
        for (int i = 0; i < 300; i++) {
            text.append("Nom").append(i).append(";Prénom;01/01/1950;23000;Guéret;;\n");
        }
        Sheet sheet = sheet(text.toString());
        int journalBefore = journal();
        Progress cancelledHalfway = new Progress() {
            long done;

            @Override
            public void update(long done, long total) {
                this.done = done;
            }

            @Override
            public boolean cancelled() {
                return done >= 100;
            }
        };

        assertThatThrownBy(() -> importer(TestData.ALL_ACCESS).importBeneficiaries(sheet, guess(sheet), defaults, claire.id(),
                cancelledHalfway)).isInstanceOf(CancellationException.class);
        assertThat(files()).isZero();
        assertThat(journal()).isEqualTo(journalBefore);
    }

    @Test
    void aCaseworkerCannotImportFilesIntoSomeoneElsesCaseload() throws Exception {
        StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
        Viewer asPaul = new Viewer("paul", Optional.of(paul.id()), EnumSet.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));
        Sheet sheet = sheet(HEADERS + "Martin;Jeanne;14/06/1941;23000;Guéret;;\n");

        assertThatThrownBy(() -> importer(asPaul).importBeneficiaries(sheet, guess(sheet), defaults, paul.id(), Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(files()).isZero();
    }

    @Test
    void helpersAreImportedWholeOrRefusedWhenAlreadyKnown() throws Exception {
        Sheet sheet = sheet("Prénom;Nom;Commune;Portable;E-mail\nZoé;Roy;Guéret;0611223344;\nAli;Ben;La Souterraine;;ali@example.fr\n");
        ColumnMapping mapping = ColumnMapping.guess(ImportKind.HELPERS, sheet.headers());

        assertThat(importer(TestData.ALL_ACCESS).importHelpers(sheet, mapping, claire.id(), Progress.NONE)).isEqualTo(2);
        assertThat(db.dsl().fetchCount(HELPER)).isEqualTo(2);

        ImportRefusedException again = org.junit.jupiter.api.Assertions.assertThrows(ImportRefusedException.class,
                () -> importer(TestData.ALL_ACCESS).importHelpers(sheet, mapping, claire.id(), Progress.NONE));
        assertThat(again.check().problems()).extracting(RowProblem::line, RowProblem::issue)
                .containsExactly(tuple(2, Issue.DUPLICATE_IN_DATABASE), tuple(3, Issue.DUPLICATE_IN_DATABASE));
        assertThat(db.dsl().fetchCount(HELPER)).isEqualTo(2);
    }
}
