package fr.cercle.persistence.access;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The need-to-know matrix against the repositories, on a real database: every role against every
 * kind of record, for reading (find, the list, one list line) and writing (a save, refused with
 * nothing written). The expected table is written out by hand from issue 4.
 */
class NeedToKnowRepositoriesTest {

    @TempDir
    static Path dir;
    static CercleDatabase db;

    static final StaffMember ME = new StaffMember(StaffId.newId(), "Claire", "Moreau", "CCAS", Set.of(Domain.ELDERLY), true);
    static final StaffMember COLLEAGUE = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);

    /** What a viewer entitled to the elderly domain, acting as ME, may meet. */
    enum Kind {
        MY_FILE, MY_FILE_OUTSIDE_MY_DOMAINS, A_COLLEAGUES_FILE, A_HELPER, A_STAFF_MEMBER
    }

    static final Map<Kind, Beneficiary> FILES = Map.of(
            Kind.MY_FILE, TestData.beneficiary(ME.id()).domains(Set.of(Domain.ELDERLY)).build(),
            Kind.MY_FILE_OUTSIDE_MY_DOMAINS, TestData.beneficiary(ME.id()).lastName("Petit").domains(Set.of(Domain.SCHOOL))
                    .birthDate(java.time.LocalDate.of(2011, 4, 2))
                    .consent(new fr.cercle.model.beneficiary.Consent(java.time.LocalDate.of(2026, 1, 5),
                            fr.cercle.model.beneficiary.ConsentScope.FOLLOW_UP, fr.cercle.model.beneficiary.ConsentMethod.SIGNED_FORM,
                            "M. Petit, son père", null)).build(),
            Kind.A_COLLEAGUES_FILE, TestData.beneficiary(COLLEAGUE.id()).lastName("Roux").build());
    static final Helper KARIM = TestData.helper().build();

    static final Set<Kind> ALL_FILES = EnumSet.of(Kind.MY_FILE, Kind.MY_FILE_OUTSIDE_MY_DOMAINS, Kind.A_COLLEAGUES_FILE);

    /** Role → what it reads. */
    static final Map<Role, Set<Kind>> READS = Map.of(
            Role.CASEWORKER, EnumSet.of(Kind.MY_FILE, Kind.A_HELPER, Kind.A_STAFF_MEMBER),
            Role.COORDINATOR, EnumSet.of(Kind.MY_FILE, Kind.MY_FILE_OUTSIDE_MY_DOMAINS, Kind.A_COLLEAGUES_FILE,
                    Kind.A_HELPER, Kind.A_STAFF_MEMBER),
            Role.ADMINISTRATOR, EnumSet.of(Kind.A_STAFF_MEMBER),
            Role.EVALUATOR, EnumSet.of(Kind.A_STAFF_MEMBER));

    /** Role → what it writes. */
    static final Map<Role, Set<Kind>> WRITES = Map.of(
            Role.CASEWORKER, EnumSet.of(Kind.MY_FILE, Kind.A_HELPER),
            Role.COORDINATOR, EnumSet.of(Kind.MY_FILE, Kind.MY_FILE_OUTSIDE_MY_DOMAINS, Kind.A_COLLEAGUES_FILE,
                    Kind.A_HELPER),
            Role.ADMINISTRATOR, EnumSet.of(Kind.A_STAFF_MEMBER),
            Role.EVALUATOR, EnumSet.noneOf(Kind.class));

    @BeforeAll
    static void open() {
        db = seeded(dir);
    }

    /** Two staff members, the four files and a helper (the matrix's cases write to one such database in turn). */
    static CercleDatabase seeded(Path folder) {
        CercleDatabase db = TestDatabases.withCommunes(folder, TestData.CLOCK);
        StaffRepository staff = new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS);
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        db.writer().run(ME.id(), tx -> {
            staff.save(tx, ME);
            staff.save(tx, COLLEAGUE);
            FILES.values().forEach(file -> files.save(tx, file));
            new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).save(tx, KARIM);
        });
        return db;
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Viewer viewer(Role role) {
        return new Viewer("someone", Optional.of(ME.id()), Set.of(role), Set.of(Domain.ELDERLY));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(Kind.values()).map(kind -> Arguments.of(role, kind)));
    }

    @ParameterizedTest(name = "{0} reading {1}")
    @MethodSource("matrix")
    void eachRoleReadsWhatItNeedsToKnowAndNothingElse(Role role, Kind kind) {
        Viewer viewer = viewer(role);
        boolean expected = READS.get(role).contains(kind);

        switch (kind) {
            case A_HELPER -> {
                HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, viewer);
                assertThat(helpers.find(KARIM.id()).isPresent()).as("find").isEqualTo(expected);
                assertThat(helpers.summary(KARIM.id()).isPresent()).as("summary").isEqualTo(expected);
                assertThat(helpers.summaries().stream().map(HelperSummary::id)).as("list")
                        .containsExactlyElementsOf(expected ? Set.of(KARIM.id()) : Set.of());
                assertThat(helpers.count()).isEqualTo(expected ? 1 : 0);
            }
            case A_STAFF_MEMBER -> {
                StaffRepository staff = new StaffRepository(db.dsl(), db.writer(), viewer);
                assertThat(staff.find(COLLEAGUE.id()).isPresent()).as("find").isEqualTo(expected);
                assertThat(staff.all().stream().map(StaffMember::id).toList().contains(COLLEAGUE.id())).as("list").isEqualTo(expected);
            }
            default -> {
                BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, viewer);
                BeneficiaryId id = FILES.get(kind).id();
                assertThat(files.find(id).isPresent()).as("find").isEqualTo(expected);
                assertThat(files.summary(id).isPresent()).as("summary").isEqualTo(expected);
                assertThat(files.summaries().stream().map(BeneficiarySummary::id).toList().contains(id)).as("list")
                        .isEqualTo(expected);
                long readableFiles = READS.get(role).stream().filter(ALL_FILES::contains).count();
                assertThat(files.count()).as("count").isEqualTo(readableFiles);
            }
        }
    }

    @ParameterizedTest(name = "{0} writing {1}")
    @MethodSource("matrix")
    void eachRoleWritesWhatItMayAndIsRefusedTheRestWithNothingWritten(Role role, Kind kind) {
        Viewer viewer = viewer(role);
        boolean expected = WRITES.get(role).contains(kind);
        Runnable write = switch (kind) {
            case A_HELPER -> () -> new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, viewer)
                    .save(KARIM.toBuilder().tags(Set.of("jardin", role.name().toLowerCase())).build(), ME.id());
            case A_STAFF_MEMBER -> () -> new StaffRepository(db.dsl(), db.writer(), viewer)
                    .save(new StaffMember(COLLEAGUE.id(), "Paul", "Durand", "CCAS " + role, COLLEAGUE.domains(), true), ME.id());
            default -> () -> new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, viewer)
                    .save(FILES.get(kind).toBuilder().situation("Noted by a " + role).build(), ME.id());
        };

        int journalBefore = db.dsl().fetchCount(CHANGE_JOURNAL);
        if (expected) {
            write.run();
            assertThat(db.dsl().fetchCount(CHANGE_JOURNAL)).isEqualTo(journalBefore + 1);
        } else {
            assertThatThrownBy(write::run).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("someone may not");
            assertThat(db.dsl().fetchCount(CHANGE_JOURNAL)).as("nothing written").isEqualTo(journalBefore);
        }
    }

    @Test
    void aCaseworkerCreatesFilesOnlyInTheirOwnCaseloadAndCannotHandOneOver(@TempDir Path own) {
        try (CercleDatabase db = seeded(own)) {
            createsOnlyInOwnCaseload(db);
        }
    }

    private static void createsOnlyInOwnCaseload(CercleDatabase db) {
        Viewer caseworker = viewer(Role.CASEWORKER);
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, caseworker);
        Beneficiary mine = TestData.beneficiary(ME.id()).lastName("Garnier").domains(Set.of(Domain.ELDERLY)).build();
        Beneficiary forPaul = TestData.beneficiary(COLLEAGUE.id()).lastName("Faure").domains(Set.of(Domain.ELDERLY)).build();

        files.save(mine, ME.id());
        assertThat(files.find(mine.id())).contains(mine);
        assertRefused(db, () -> files.save(forPaul, ME.id()));
        assertRefused(db, () -> files.save(mine.toBuilder().referent(COLLEAGUE.id()).build(), ME.id()));
        assertRefused(db, () -> files.save(mine.toBuilder().domains(Set.of(Domain.SCHOOL)).build(), ME.id()));
        assertRefused(db, () -> files.close(FILES.get(Kind.A_COLLEAGUES_FILE).id(), ME.id()));

        BeneficiaryRepository everything = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        assertThat(everything.find(forPaul.id())).isEmpty();
        assertThat(everything.find(mine.id())).contains(mine);
    }

    @Test
    void aCaseworkerIsWarnedOnlyOfPossibleDuplicatesAmongTheFilesTheyMayRead() {
        // Another file (another id) for the same person as the colleague's.
        Beneficiary sameAsColleagues = TestData.beneficiary(COLLEAGUE.id()).lastName("Roux").build();
        Supplier<BeneficiaryRepository> asCoordinator = () -> new BeneficiaryRepository(db.dsl(), db.writer(),
                TestData.CLOCK, viewer(Role.COORDINATOR));
        BeneficiaryRepository asCaseworker = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK,
                viewer(Role.CASEWORKER));

        assertThat(asCoordinator.get().possibleDuplicates(sameAsColleagues)).isNotEmpty();
        assertThat(asCaseworker.possibleDuplicates(sameAsColleagues)).isEmpty();
    }

    private static void assertRefused(CercleDatabase db, Runnable write) {
        int journalBefore = db.dsl().fetchCount(CHANGE_JOURNAL);
        assertThatThrownBy(write::run).isInstanceOf(AccessDeniedException.class);
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL)).isEqualTo(journalBefore);
    }
}
