package fr.cercle.persistence.write;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.StorageException;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.jooq.tables.records.BeneficiaryRecord;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.write.Entities.BENEFICIARY_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ChangeWriterTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    BeneficiaryRepository beneficiaries;
    StaffMember author;

    @BeforeEach
    void open() {
        db = CercleDatabase.open(dir, TestData.CLOCK);
        beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        author = TestData.staff();
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(author, author.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCreationJournalsEveryFieldWithItsAuthorDeviceAndClock() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();

        Change change = beneficiaries.save(jeanne, author.id());

        assertThat(change.operation()).isEqualTo(Operation.CREATE);
        List<JournalEntry> entries = db.journal().entriesFor("beneficiary", jeanne.id().value());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(Operation.CREATE);
            assertThat(e.author()).isEqualTo(author.id());
            assertThat(e.device()).isEqualTo(db.deviceId());
            assertThat(e.hlc().millis()).isEqualTo(TestData.CLOCK.millis());
            assertThat(e.fields()).containsEntry("first_name", "Jeanne")
                    .containsEntry("birth_date", "1938-03-02")
                    .containsEntry("domains", List.of("ELDERLY", "HEALTH"))
                    .containsEntry("referent_id", author.id().toString())
                    .containsEntry("email", null)
                    .hasSize(BENEFICIARY_TABLE.dataFields().size());
        });
    }

    @Test
    void anUpdateJournalsOnlyTheChangedFieldsAndStampsTheRow() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries.save(jeanne, author.id());
        StaffMember colleague = TestData.staff();

        Change change = beneficiaries.save(jeanne.toBuilder().contact(new Contact("05 55 00 00 01", "j.martin@example.fr"))
                .status(BeneficiaryStatus.PAUSED).build(), colleague.id());

        assertThat(change.fields()).containsExactly("phone", "email", "status");
        JournalEntry update = db.journal().entriesFor("beneficiary", jeanne.id().value()).get(1);
        assertThat(update.operation()).isEqualTo(Operation.UPDATE);
        assertThat(update.fields()).containsOnly(entry("phone", "05 55 00 00 01"), entry("email", "j.martin@example.fr"),
                entry("status", "PAUSED"));
        assertThat(update.author()).isEqualTo(colleague.id());
        BeneficiaryRecord row = db.dsl().selectFrom(BENEFICIARY).where(BENEFICIARY.ID.eq(jeanne.id().value())).fetchOne();
        assertThat(row.getCreatedBy()).isEqualTo(author.id().value());
        assertThat(row.getUpdatedBy()).isEqualTo(colleague.id().value());
        assertThat(row.getUpdatedAt()).isEqualTo(OffsetDateTime.now(TestData.CLOCK));
    }

    @Test
    void savingAnUnchangedRecordWritesNothing() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries.save(jeanne, author.id());
        long before = db.journal().count();

        Change change = beneficiaries.save(jeanne, author.id());

        assertThat(change.changed()).isFalse();
        assertThat(db.journal().count()).isEqualTo(before);
    }

    @Test
    void timestampsOfSuccessiveChangesIncreaseEvenWithinOneMillisecond() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries.save(jeanne, author.id());
        beneficiaries.save(jeanne.toBuilder().situation("autre").build(), author.id());

        List<JournalEntry> all = db.journal().entriesAfter(0, 100);

        assertThat(all).extracting(JournalEntry::hlc).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFailedWriteLeavesNeitherRowsNorJournalEntries() {
        Beneficiary first = TestData.beneficiary(author.id()).build();
        long before = db.journal().count();

        assertThatThrownBy(() -> db.writer().run(author.id(), tx -> {
            beneficiaries.save(tx, first);
            // The second record breaks a constraint of the database itself: the whole transaction must go.
            tx.save(Values.of(BENEFICIARY_TABLE)
                    .set(BENEFICIARY.FIRST_NAME, null).set(BENEFICIARY.LAST_NAME, "X").set(BENEFICIARY.BIRTH_DATE, null)
                    .set(BENEFICIARY.ADDRESS_LINE, null).set(BENEFICIARY.POSTAL_CODE, null).set(BENEFICIARY.COMMUNE_INSEE, null)
                    .set(BENEFICIARY.PHONE, null).set(BENEFICIARY.EMAIL, null).set(BENEFICIARY.DOMAINS, "[]")
                    .set(BENEFICIARY.STATUS, "ACTIVE").set(BENEFICIARY.REFERENT_ID, null).set(BENEFICIARY.CONSENT_DATE, null)
                    .set(BENEFICIARY.CONSENT_SCOPE, null).set(BENEFICIARY.CONSENT_METHOD, null)
                    .set(BENEFICIARY.CONSENT_GUARDIAN, null).set(BENEFICIARY.CONSENT_WITHDRAWN_ON, null)
                    .set(BENEFICIARY.SITUATION, null), java.util.UUID.randomUUID());
        })).isInstanceOf(StorageException.class);

        assertThat(beneficiaries.find(first.id())).isEmpty();
        assertThat(db.journal().count()).isEqualTo(before);
    }

    @Test
    void aValueMustBeGivenForEveryField() {
        Values<BeneficiaryRecord> partial = Values.of(BENEFICIARY_TABLE).set(BENEFICIARY.FIRST_NAME, "Jeanne");

        assertThatThrownBy(() -> db.writer().run(author.id(), tx -> tx.save(partial, java.util.UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LAST_NAME");
        assertThat(beneficiaries.count()).isZero();
    }

    @Test
    void aDeletionLeavesATombstoneInTheJournalAndErasesWhatTheRecordsChangesWrote() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries.save(jeanne, author.id());

        Change deleted = db.writer().write(author.id(), tx -> tx.delete(BENEFICIARY_TABLE, jeanne.id().value()));
        Change again = db.writer().write(author.id(), tx -> tx.delete(BENEFICIARY_TABLE, jeanne.id().value()));

        assertThat(deleted.operation()).isEqualTo(Operation.DELETE);
        assertThat(again.changed()).isFalse();
        assertThat(beneficiaries.find(jeanne.id())).isEmpty();
        // The creation, erased, reads as the deletion it now travels as (V7__erasure.sql).
        assertThat(db.journal().entriesFor("beneficiary", jeanne.id().value()))
                .extracting(JournalEntry::operation, JournalEntry::fields)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Operation.DELETE, Map.of()),
                        org.assertj.core.groups.Tuple.tuple(Operation.DELETE, Map.of()));
    }

    @Test
    void theClockRestartsAfterTheLastJournaledTimestamp() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries.save(jeanne, author.id());
        var last = db.journal().lastHlc();
        db.close();

        db = CercleDatabase.open(dir, TestData.CLOCK);
        beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        beneficiaries.save(jeanne.toBuilder().situation("nouvelle situation").build(), author.id());

        assertThat(db.journal().lastHlc()).isGreaterThan(last);
    }
}
