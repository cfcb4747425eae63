package fr.cercle.persistence.rights;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.persistence.write.Operation;
import fr.cercle.persistence.write.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The right to erasure: the record, what its changes wrote, and its bytes in the database file go;
 * who changed it and when stay for the audit trail; a late change of it is kept without its data.
 */
class ErasureTest {

    /** A name no other test data hold, to look for in the file's bytes. */
    static final String NAME = "Zephyrinax";

    @TempDir
    Path dir;
    final StaffMember claire = TestData.staff();
    final Viewer coordinator = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.ELDERLY));
    final Viewer caseworker = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));

    CercleDatabase open(String name) {
        CercleDatabase db = TestDatabases.withCommunes(dir.resolve(name), TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        return db;
    }

    BeneficiaryRepository files(CercleDatabase db, Viewer viewer) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), viewer);
    }

    Beneficiary zephyrine() {
        return TestData.beneficiary(claire.id()).lastName(NAME).domains(Set.of(Domain.ELDERLY))
                .situation(NAME + " vit seule.").build();
    }

    static List<IncomingChange> changesOf(CercleDatabase from) {
        return from.journal().changesOf(from.deviceId(), 0, 10_000).stream().map(IncomingChange::of).toList();
    }

    static List<Receipt> send(List<IncomingChange> changes, CercleDatabase to) {
        return to.writer().receive(r -> changes.stream().map(r::receive).toList());
    }

    static boolean fileHolds(Path folder, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(CercleDatabase.FILE_NAME + ".mv.db"));
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void aCoordinatorErasesAFileAndItsDataLeaveTheJournalAndTheFile() throws Exception {
        CercleDatabase db = open("ccas");
        Beneficiary z = zephyrine();
        files(db, coordinator).save(z, claire.id());
        files(db, coordinator).save(z.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        db.close();
        assertThat(fileHolds(dir.resolve("ccas"), NAME)).as("the test can see a name in the file").isTrue();

        db = CercleDatabase.open(dir.resolve("ccas"), TestData.CLOCK);
        try {
            files(db, coordinator).erase(z.id(), claire.id());

            assertThat(db.dsl().fetchCount(BENEFICIARY)).isZero();
            assertThat(db.dsl().select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL)
                    .where(CHANGE_JOURNAL.ENTITY_ID.eq(z.id().value())).fetch(CHANGE_JOURNAL.FIELDS)).containsOnly("{}");
            assertThat(db.journal().changesOf(db.deviceId(), 0, 100)).filteredOn(e -> e.entityId().equals(z.id().value()))
                    .extracting(JournalEntry::operation).as("its changes travel as deletions")
                    .containsOnly(Operation.DELETE).hasSize(3);
            List<AuditEntry> trail = new AuditTrail(db.dsl(), db.writer(), db.clock(), coordinator)
                    .search(AuditQuery.everything().about(Set.of(z.id().value())), ZoneId.of("Europe/Paris"));
            assertThat(trail).extracting(AuditEntry::action, AuditEntry::who).as("who and when stay").containsExactly(
                    org.assertj.core.groups.Tuple.tuple(AuditAction.ERASE, claire.id()),
                    org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, claire.id()),
                    org.assertj.core.groups.Tuple.tuple(AuditAction.CREATE, claire.id()));
        } finally {
            db.close();
        }
        assertThat(fileHolds(dir.resolve("ccas"), NAME)).as("the name is gone from the file's bytes").isFalse();
    }

    @Test
    void onlyACoordinatorErasesAndARefusalWritesNothing() {
        try (CercleDatabase db = open("ccas")) {
            Beneficiary z = zephyrine();
            files(db, coordinator).save(z, claire.id());
            long journal = db.journal().count();

            assertThatThrownBy(() -> files(db, caseworker).erase(z.id(), claire.id())).isInstanceOf(AccessDeniedException.class);

            assertThat(files(db, coordinator).find(z.id())).contains(z);
            assertThat(db.journal().count()).isEqualTo(journal);
        }
    }

    @Test
    void theErasureReachesAnotherInstallationAndALateChangeKeepsNoData() throws Exception {
        CercleDatabase ccas = open("ccas");
        CercleDatabase townHall = open("town-hall");
        try {
            Beneficiary z = zephyrine();
            files(ccas, coordinator).save(z, claire.id());
            send(changesOf(ccas), townHall);
            // The town hall edits the file while the CCAS erases it; each then receives the other's change.
            files(townHall, coordinator).save(z.toBuilder().situation(NAME + " a déménagé.").build(), claire.id());
            files(ccas, coordinator).erase(z.id(), claire.id());

            assertThat(send(changesOf(townHall), ccas)).contains(Receipt.AFTER_DELETION);
            send(changesOf(ccas), townHall);

            for (CercleDatabase db : List.of(ccas, townHall)) {
                assertThat(db.dsl().fetchCount(BENEFICIARY)).isZero();
                assertThat(db.dsl().select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL)
                        .where(CHANGE_JOURNAL.ENTITY_ID.eq(z.id().value())).fetch(CHANGE_JOURNAL.FIELDS))
                        .as("no installation keeps what was written").containsOnly("{}");
            }
        } finally {
            ccas.close();
            townHall.close();
        }
        assertThat(fileHolds(dir.resolve("ccas"), NAME)).isFalse();
        assertThat(fileHolds(dir.resolve("town-hall"), NAME)).isFalse();
    }
}
