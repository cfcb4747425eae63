package fr.cercle.persistence.write;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE;
import static fr.cercle.persistence.jooq.Tables.HELD_CHANGE;
import static fr.cercle.persistence.write.Entities.BENEFICIARY_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two installations exchange their journals' changes, as the sync will, and merge them. */
class ReceiverTest {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    CercleDatabase a;
    CercleDatabase b;
    StaffMember claire;

    @BeforeEach
    void open() {
        a = CercleDatabase.open(dirA, TestData.CLOCK);
        // The CCAS's PC runs three days late: ordering must not depend on it.
        b = CercleDatabase.open(dirB, Clock.offset(TestData.CLOCK, Duration.ofDays(-3)));
        claire = TestData.staff();
        new StaffRepository(a.dsl(), a.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    static BeneficiaryRepository beneficiaries(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
    }

    /** Everything {@code from} made that {@code to} lacks, received in one transaction. */
    static List<Receipt> send(CercleDatabase from, CercleDatabase to) {
        List<IncomingChange> changes = from.journal().changesOf(from.deviceId(), 0, 10_000).stream()
                .map(IncomingChange::of).toList();
        return to.writer().receive(r -> changes.stream().map(r::receive).toList());
    }

    @Test
    void aRecordMadeOnOneInstallationArrivesWholeOnTheOther() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        beneficiaries(a).save(jeanne, claire.id());

        assertThat(send(a, b)).containsOnly(Receipt.APPLIED);

        assertThat(beneficiaries(b).find(jeanne.id())).contains(jeanne);
        assertThat(b.journal().lastSeq(a.deviceId())).isEqualTo(2);
    }

    @Test
    void aCreationWrittenBeforeTheConsentFieldsExistedArrivesWithThemEmpty() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        beneficiaries(a).save(jeanne, claire.id());
        List<IncomingChange> schemaVersion1 = a.journal().changesOf(a.deviceId(), 0, 100).stream()
                .map(IncomingChange::of)
                .map(c -> {
                    Map<String, Object> fields = new java.util.LinkedHashMap<>(c.fields());
                    fields.remove("consent_guardian");
                    fields.remove("consent_withdrawn_on");
                    return new IncomingChange(c.entity(), c.entityId(), c.operation(), c.change(), c.hlc(), c.author(),
                            fields, c.base());
                })
                .toList();

        List<Receipt> receipts = b.writer().receive(r -> schemaVersion1.stream().map(r::receive).toList());

        assertThat(receipts).containsOnly(Receipt.APPLIED);
        assertThat(beneficiaries(b).find(jeanne.id())).contains(jeanne);
    }

    @Test
    void theSameChangesTwiceChangeNothingTheSecondTime() {
        beneficiaries(a).save(TestData.beneficiary(claire.id()).build(), claire.id());
        send(a, b);
        long entries = b.journal().count();

        assertThat(send(a, b)).containsOnly(Receipt.DUPLICATE);
        assertThat(b.journal().count()).isEqualTo(entries);
    }

    @Test
    void aChangeAfterAGapIsHeldUntilTheGapIsFilled() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        beneficiaries(a).save(jeanne, claire.id());
        beneficiaries(a).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        List<IncomingChange> all = a.journal().changesOf(a.deviceId(), 0, 100).stream().map(IncomingChange::of).toList();

        List<Receipt> late = b.writer().receive(r -> List.of(r.receive(all.get(2)), r.receive(all.get(0))));
        assertThat(late).containsExactly(Receipt.HELD, Receipt.APPLIED);
        assertThat(beneficiaries(b).count()).isZero();
        assertThat(b.dsl().fetchCount(HELD_CHANGE)).isEqualTo(1);

        Receipt filled = b.writer().receive(r -> r.receive(all.get(1)));
        assertThat(filled).isEqualTo(Receipt.APPLIED);
        assertThat(beneficiaries(b).find(jeanne.id())).get().extracting(Beneficiary::status).isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(b.dsl().fetchCount(HELD_CHANGE)).isZero();
    }

    @Test
    void concurrentEditsOfAGuardedFieldBecomeTheSameConflictOnBothSidesAndADecisionEndsIt() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        beneficiaries(a).save(jeanne, claire.id());
        send(a, b);
        send(b, a);

        beneficiaries(a).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        beneficiaries(b).save(jeanne.withStatus(BeneficiaryStatus.CLOSED)
                .toBuilder().contact(new Contact("06 00 00 00 01", null)).build(), claire.id());
        send(a, b);
        send(b, a);

        // The town hall's edit is later on the clock: it wins on both sides; the CCAS's value waits for a person.
        for (CercleDatabase db : List.of(a, b)) {
            Beneficiary merged = beneficiaries(db).find(jeanne.id()).orElseThrow();
            assertThat(merged.status()).isEqualTo(BeneficiaryStatus.PAUSED);
            assertThat(merged.contact().phone()).isEqualTo("06 00 00 00 01"); // not concurrent: simply taken
            assertThat(db.dsl().selectFrom(CONFLICT_VALUE).fetch())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getField()).isEqualTo("status");
                        assertThat(c.getFieldValue()).isEqualTo("\"CLOSED\"");
                        assertThat(c.getDeviceId()).isEqualTo(b.deviceId().value());
                    });
        }

        ConflictRepository conflicts = new ConflictRepository(b.dsl(), b.writer(), TestData.ALL_ACCESS);
        assertThat(conflicts.all()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("Jeanne Martin");
            assertThat(c.field()).isEqualTo("status");
            assertThat(c.current().value()).isEqualTo("PAUSED");
            assertThat(c.current().change().device()).isEqualTo(a.deviceId());
            assertThat(c.others()).singleElement().satisfies(other -> {
                assertThat(other.value()).isEqualTo("CLOSED");
                assertThat(other.author()).isEqualTo(claire.id());
            });
        });
        assertThatThrownBy(() -> conflicts.decide(claire.id(), conflicts.all().get(0), "SOMETIMES"))
                .isInstanceOf(IllegalArgumentException.class);
        conflicts.decide(claire.id(), conflicts.all().get(0), "CLOSED");
        assertThat(conflicts.all()).isEmpty();
        send(b, a);

        for (CercleDatabase db : List.of(a, b)) {
            assertThat(beneficiaries(db).find(jeanne.id()).orElseThrow().status()).isEqualTo(BeneficiaryStatus.CLOSED);
            assertThat(db.dsl().fetchCount(CONFLICT_VALUE)).isZero();
        }
    }

    @Test
    void aDeletionWinsOverAConcurrentEditAndNothingBringsTheRecordBack() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        beneficiaries(a).save(jeanne, claire.id());
        send(a, b);
        beneficiaries(b).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        a.writer().run(claire.id(), tx -> tx.delete(BENEFICIARY_TABLE, jeanne.id().value()));

        send(a, b);
        assertThat(send(b, a)).contains(Receipt.AFTER_DELETION);

        assertThat(beneficiaries(a).find(jeanne.id())).isEmpty();
        assertThat(beneficiaries(b).find(jeanne.id())).isEmpty();
        assertThatThrownBy(() -> beneficiaries(b).save(jeanne, claire.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadValueInTheMiddleOfABatchLeavesNothingWritten() {
        beneficiaries(a).save(TestData.beneficiary(claire.id()).build(), claire.id());
        List<IncomingChange> changes = new ArrayList<>(
                a.journal().changesOf(a.deviceId(), 0, 100).stream().map(IncomingChange::of).toList());
        IncomingChange good = changes.get(1);
        Map<String, Object> fields = new HashMap<>(good.fields());
        fields.put("birth_date", "the second of March");
        changes.set(1, new IncomingChange(good.entity(), good.entityId(), good.operation(), good.change(), good.hlc(),
                good.author(), fields, good.base()));

        assertThatThrownBy(() -> b.writer().receive(r -> changes.stream().map(r::receive).toList()))
                .isInstanceOf(RefusedChange.class)
                .hasMessageContaining("beneficiary.birth_date")
                .satisfies(e -> assertThat(((RefusedChange) e).change()).isSameAs(changes.get(1)));

        assertThat(b.journal().count()).isZero();
        assertThat(b.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.STAFF_MEMBER)).isZero();
    }

    @Test
    void aClockDaysAheadIsFlaggedAndDoesNotDragThisClockAlong() {
        CercleDatabase future = CercleDatabase.open(dirA.resolve("future"), Clock.offset(TestData.CLOCK, Duration.ofDays(400)));
        try (future) {
            StaffMember someone = TestData.staff();
            new StaffRepository(future.dsl(), future.writer(), TestData.ALL_ACCESS).save(someone, someone.id());
            List<IncomingChange> changes = future.journal().changesOf(future.deviceId(), 0, 10).stream()
                    .map(IncomingChange::of).toList();

            java.util.Set<ChangeId> flagged = b.writer().receive(r -> {
                changes.forEach(r::receive);
                return r.aheadOfTime();
            });

            assertThat(flagged).containsExactly(changes.get(0).change());
            beneficiaries(b).save(TestData.beneficiary(claire.id()).build(), claire.id());
            assertThat(b.journal().changesOf(b.deviceId(), 0, 10).get(0).hlc().instant())
                    .isBefore(changes.get(0).hlc().instant());
        }
    }

    @Test
    void aClockDaysAheadIsNotFollowedAfterARestartEither() {
        CercleDatabase future = CercleDatabase.open(dirA.resolve("future"), Clock.offset(TestData.CLOCK, Duration.ofDays(400)));
        List<IncomingChange> changes;
        try (future) {
            StaffMember someone = TestData.staff();
            new StaffRepository(future.dsl(), future.writer(), TestData.ALL_ACCESS).save(someone, someone.id());
            changes = future.journal().changesOf(future.deviceId(), 0, 10).stream().map(IncomingChange::of).toList();
        }
        b.writer().receive(r -> changes.stream().map(r::receive).toList());
        b.close();

        b = CercleDatabase.open(dirB, Clock.offset(TestData.CLOCK, Duration.ofDays(-3)));
        beneficiaries(b).save(TestData.beneficiary(claire.id()).build(), claire.id());

        assertThat(b.journal().changesOf(b.deviceId(), 0, 10).get(0).hlc().instant())
                .isBefore(changes.get(0).hlc().instant());
    }

    @Test
    void aRestartedClockStaysAheadOfTheChangesItReceived() {
        // a's clock is two hours ahead of c's (within a day: followed, not flagged). After a restart,
        // c still writes after what it saw.
        Clock late = Clock.offset(TestData.CLOCK, Duration.ofHours(-2));
        Path dirC = dirA.resolve("c");
        beneficiaries(a).save(TestData.beneficiary(claire.id()).build(), claire.id());
        CercleDatabase c = CercleDatabase.open(dirC, late);
        send(a, c);
        var received = c.journal().lastHlc();
        c.close();

        try (CercleDatabase reopened = CercleDatabase.open(dirC, late)) {
            beneficiaries(reopened).save(TestData.beneficiary(claire.id()).build(), claire.id());

            assertThat(received.instant()).isAfter(late.instant());
            assertThat(reopened.journal().changesOf(reopened.deviceId(), 0, 10).get(0).hlc()).isGreaterThan(received);
        }
    }
}
