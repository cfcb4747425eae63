package fr.cercle.persistence.audit;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.audit.ExportedList;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.Entities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every write, export and opening of a person's file leaves an audit entry, which nothing changes afterwards. */
class AuditTrailTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;
    CercleDatabase db;
    /** The database's clock, moved by hand: openings more than {@link AuditTrail#SAME_VIEW} apart. */
    final HandClock now = new HandClock(TestData.CLOCK.instant(), PARIS);
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    Viewer asClaire;
    Viewer asPaul;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, now);
        StaffRepository staff = new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS);
        staff.save(claire, claire.id());
        staff.save(paul, claire.id());
        asClaire = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.ELDERLY, Domain.HEALTH));
        asPaul = new Viewer("paul", Optional.of(paul.id()), Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    BeneficiaryRepository files(Viewer viewer) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), viewer);
    }

    AuditTrail trail(Viewer viewer) {
        return new AuditTrail(db.dsl(), db.writer(), db.clock(), viewer);
    }

    void later(Duration duration) {
        now.advance(duration);
    }

    @Test
    void everyCreationChangeOpeningExportAndClosingOfAFileIsTraced() {
        Beneficiary jeanne = TestData.beneficiary(paul.id()).domains(Set.of(Domain.ELDERLY)).build();

        files(asClaire).save(jeanne, claire.id());
        later(Duration.ofMinutes(1));
        files(asPaul).open(jeanne.id());
        later(Duration.ofMinutes(1));
        files(asPaul).save(jeanne.toBuilder().situation("Chute en novembre.").build(), paul.id());
        later(Duration.ofMinutes(1));
        trail(asClaire).record(AuditAction.EXPORT, Entities.BENEFICIARY_TABLE, jeanne.id().value());
        later(Duration.ofMinutes(1));
        files(asClaire).close(jeanne.id(), claire.id());

        List<AuditEntry> entries = trail(asClaire).search(AuditQuery.everything().about(Set.of(jeanne.id().value())), PARIS);

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::who).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, claire.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.EXPORT, claire.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, paul.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.VIEW, paul.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CREATE, claire.id()));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.entity()).isEqualTo("beneficiary");
            assertThat(e.record()).isEqualTo(jeanne.id().value());
            assertThat(e.device()).isEqualTo(db.deviceId());
        });
        assertThat(entries.get(0).at()).isEqualTo(now.instant());
    }

    @Test
    void openingTheSameFileAgainWithinTenMinutesIsOneOpening() {
        Beneficiary jeanne = TestData.beneficiary(paul.id()).domains(Set.of(Domain.ELDERLY)).build();
        files(asClaire).save(jeanne, claire.id());

        files(asPaul).open(jeanne.id());
        later(Duration.ofMinutes(9));
        files(asPaul).open(jeanne.id());
        files(asClaire).open(jeanne.id());
        later(Duration.ofMinutes(2));
        files(asPaul).open(jeanne.id());
        files(asPaul).find(jeanne.id()); // a check, not an opening by a person

        assertThat(trail(asClaire).search(AuditQuery.everything().about(Set.of(jeanne.id().value())), PARIS))
                .filteredOn(e -> e.action() == AuditAction.VIEW)
                .extracting(AuditEntry::who).containsExactly(paul.id(), claire.id(), paul.id());
    }

    @Test
    void helpersOpeningsAreTracedToo() {
        Helper karim = TestData.helper().build();
        HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), asPaul);
        helpers.save(karim, paul.id());

        assertThat(helpers.open(karim.id())).isPresent();

        assertThat(trail(asClaire).search(AuditQuery.everything().by(paul.id()), PARIS))
                .extracting(AuditEntry::action, AuditEntry::entity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.VIEW, "helper"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CREATE, "helper"));
    }

    @Test
    void theSearchNarrowsByUserAndByPeriodInclusive() {
        Beneficiary jeanne = TestData.beneficiary(paul.id()).domains(Set.of(Domain.ELDERLY)).build();
        files(asPaul).save(jeanne, paul.id());                                      // 25 November
        later(Duration.ofDays(2));
        files(asClaire).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id()); // 27 November
        later(Duration.ofDays(3));
        files(asPaul).open(jeanne.id());                                            // 30 November

        AuditTrail trail = trail(asClaire);
        LocalDate day = LocalDate.of(2026, 11, 27);
        assertThat(trail.search(AuditQuery.everything().between(day, day), PARIS))
                .extracting(AuditEntry::action).containsExactly(AuditAction.CHANGE);
        assertThat(trail.search(AuditQuery.everything().between(day, null), PARIS))
                .extracting(AuditEntry::action).containsExactly(AuditAction.VIEW, AuditAction.CHANGE);
        assertThat(trail.search(AuditQuery.everything().between(null, LocalDate.of(2026, 11, 26)).by(paul.id()), PARIS)
                .stream().filter(e -> e.entity().equals("beneficiary")))
                .extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        assertThat(trail.search(AuditQuery.everything().about(Set.of(UUID.randomUUID())), PARIS)).isEmpty();
    }

    @Test
    void onlyCoordinatorsAndAdministratorsSearchTheTrail() {
        Viewer admin = new Viewer("admin", Optional.of(claire.id()), Set.of(Role.ADMINISTRATOR), Set.of());
        Viewer evaluator = new Viewer("eval", Optional.empty(), Set.of(Role.EVALUATOR), Set.of());

        assertThat(trail(admin).search(AuditQuery.everything(), PARIS)).isNotEmpty();
        assertThatThrownBy(() -> trail(asPaul).search(AuditQuery.everything(), PARIS)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail(evaluator).search(AuditQuery.everything(), PARIS)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAuditEventIsNeverChangedNorDeletedThroughTheWritePath() {
        Beneficiary jeanne = TestData.beneficiary(paul.id()).domains(Set.of(Domain.ELDERLY)).build();
        files(asClaire).save(jeanne, claire.id());
        files(asPaul).open(jeanne.id());
        UUID event = db.dsl().select(AUDIT_EVENT.ID).from(AUDIT_EVENT).fetchSingle(AUDIT_EVENT.ID);
        long journal = db.journal().count();

        assertThatThrownBy(() -> db.writer().run(claire.id(), tx -> tx.save(fr.cercle.persistence.write.Values
                .of(Entities.AUDIT_EVENT_TABLE)
                .set(AUDIT_EVENT.ACTION, "EXPORT")
                .set(AUDIT_EVENT.SUBJECT_ENTITY, "beneficiary")
                .set(AUDIT_EVENT.SUBJECT_ID, jeanne.id().value()), event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never changed");
        assertThatThrownBy(() -> db.writer().run(claire.id(), tx -> tx.delete(Entities.AUDIT_EVENT_TABLE, event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never deleted");

        assertThat(db.dsl().selectFrom(AUDIT_EVENT).fetchSingle().getAction()).isEqualTo("VIEW");
        assertThat(db.journal().count()).isEqualTo(journal);
    }

    @Test
    void theExportOfAListIsOneEventWithTheListItsLinesFiltersAndFileName() {
        long journal = db.journal().count();

        trail(asPaul).recordList(new ExportedList("beneficiaries", 12, "Personnes âgées, Actif",
                "/home/paul/Documents/personnes-2026-11-25.csv"));

        assertThat(db.journal().count()).as("through the write path, so it syncs").isEqualTo(journal + 1);
        List<AuditEntry> lines = trail(asClaire).search(AuditQuery.everything().by(paul.id()), PARIS);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(line.entity()).isEqualTo(AuditEntry.LIST);
            assertThat(line.who()).isEqualTo(paul.id());
            assertThat(line.list()).contains(new ExportedList("beneficiaries", 12, "Personnes âgées, Actif",
                    "personnes-2026-11-25.csv"));
        });
        assertThat(db.dsl().selectFrom(AUDIT_EVENT).fetchSingle().getFileName())
                .as("the file's name without its folder").isEqualTo("personnes-2026-11-25.csv");
    }

    @Test
    void anAccountActingAsNoStaffMemberExportsNoList() {
        Viewer evaluator = new Viewer("eval", Optional.empty(), Set.of(Role.EVALUATOR), Set.of());
        assertThatThrownBy(() -> trail(evaluator).recordList(new ExportedList("helpers", 1, "", "aidants.csv")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isZero();
    }
}
