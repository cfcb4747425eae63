package fr.cercle.persistence.write;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FILE_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.FILE_MONTH_MINUTES;
import static fr.cercle.persistence.jooq.Tables.HELPER_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.MONTH_MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The running totals of the contributions follow every way a contribution is written: recorded here,
 * corrected, received from another installation (one by one or in bulk), erased with its file, and a
 * failed write leaves them as they were. After each, they equal the totals computed from scratch.
 */
class ActivityTotalsTest {

    @TempDir
    Path dir;
    CercleDatabase here;
    CercleDatabase there;
    final StaffMember claire = TestData.staff();
    final LocalDate today = LocalDate.now(TestData.CLOCK);

    @BeforeEach
    void open() {
        here = TestDatabases.withCommunes(dir.resolve("here"), TestData.CLOCK);
        there = TestDatabases.withCommunes(dir.resolve("there"), TestData.CLOCK);
    }

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

    @Test
    void recordedCorrectedAndErasedContributionsKeepTheTotalsRight() {
        staff(here);
        Beneficiary jeanne = file(here, "Jeanne");
        Beneficiary marc = file(here, "Marc");
        Helper karim = helper(here);
        contributions(here).record(contribution(jeanne, karim, today.minusMonths(1), 45, true), claire.id());
        contributions(here).record(contribution(jeanne, karim, today.minusDays(2), 30, false), claire.id());
        Contribution marcs = contribution(marc, karim, today.minusDays(5), 60, true);
        contributions(here).record(marcs, claire.id());

        assertThat(lastContact(here, jeanne)).as("the attempt two days ago did not reach her")
                .isEqualTo(today.minusMonths(1));
        assertThat(structureMinutes(here)).isEqualTo(135);
        assertThat(here.dsl().fetchValue(HELPER_ACTIVITY.LAST_CONTRIBUTION_ON)).isEqualTo(today.minusDays(2));
        assertTotalsAsFromScratch(here);

        // A correction: Marc's visit was in fact Jeanne's, and lasted longer.
        here.writer().run(claire.id(), tx -> write(tx, new Contribution(marcs.id(), jeanne.id(), karim.id(), null,
                marcs.date(), 90, ContributionKind.VISIT, Medium.IN_PERSON, true, null, null)));
        assertThat(lastContact(here, jeanne)).isEqualTo(today.minusDays(5));
        assertThat(here.dsl().fetchExists(FILE_ACTIVITY, FILE_ACTIVITY.BENEFICIARY_ID.eq(marc.id().value())))
                .as("Marc has no contribution left").isFalse();
        assertThat(structureMinutes(here)).isEqualTo(165);
        assertTotalsAsFromScratch(here);

        new BeneficiaryRepository(here.dsl(), here.writer(), here.clock(), TestData.ALL_ACCESS).erase(jeanne.id(), claire.id());
        assertThat(here.dsl().fetchCount(FILE_ACTIVITY)).isZero();
        assertThat(here.dsl().fetchCount(FILE_MONTH_MINUTES)).isZero();
        assertThat(structureMinutes(here)).as("an erased person's hours leave the structure's").isZero();
        assertTotalsAsFromScratch(here);
    }

    @Test
    void contributionsReceivedOneByOneOrInBulkCountAsThoseRecordedHere() {
        staff(there);
        Beneficiary jeanne = file(there, "Jeanne");
        Helper karim = helper(there);
        contributions(there).record(contribution(jeanne, karim, today.minusDays(20), 45, true), claire.id());
        contributions(there).record(contribution(jeanne, karim, today.minusDays(3), 15, true), claire.id());
        List<IncomingChange> changes = there.journal().changesOf(there.deviceId(), 0, 1_000).stream()
                .map(IncomingChange::of).toList();

        here.writer().receive(r -> r.receiveAll(changes));
        assertThat(lastContact(here, jeanne)).isEqualTo(today.minusDays(3));
        assertThat(structureMinutes(here)).isEqualTo(60);
        assertTotalsAsFromScratch(here);

        contributions(there).record(contribution(jeanne, karim, today.minusDays(1), 30, true), claire.id());
        List<IncomingChange> later = there.journal().changesOf(there.deviceId(), changes.size(), 1_000).stream()
                .map(IncomingChange::of).toList();
        here.writer().receive(r -> later.stream().map(r::receive).toList());
        assertThat(lastContact(here, jeanne)).isEqualTo(today.minusDays(1));
        assertThat(structureMinutes(here)).isEqualTo(90);
        assertTotalsAsFromScratch(here);
    }

    @Test
    void aWriteThatFailsLeavesTheTotalsAsTheyWere() {
        staff(here);
        Beneficiary jeanne = file(here, "Jeanne");
        Helper karim = helper(here);
        contributions(here).record(contribution(jeanne, karim, today.minusDays(10), 45, true), claire.id());

        assertThatThrownBy(() -> here.writer().run(claire.id(), tx -> {
            write(tx, contribution(jeanne, karim, today, 30, true));
            throw new IllegalStateException("the caseworker's computer lost power");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(lastContact(here, jeanne)).isEqualTo(today.minusDays(10));
        assertThat(structureMinutes(here)).isEqualTo(45);
        assertTotalsAsFromScratch(here);
    }

    /** The totals as kept equal the totals computed again from the contributions alone. */
    private static void assertTotalsAsFromScratch(CercleDatabase db) {
        List<List<Map<String, Object>>> kept = snapshot(db.dsl());
        ActivityTotals.rebuild(db.dsl());
        assertThat(snapshot(db.dsl())).isEqualTo(kept);
    }

    private static List<List<Map<String, Object>>> snapshot(DSLContext dsl) {
        return List.of(rows(dsl, FILE_ACTIVITY), rows(dsl, FILE_MONTH_MINUTES), rows(dsl, MONTH_MINUTES), rows(dsl, HELPER_ACTIVITY));
    }

    private static List<Map<String, Object>> rows(DSLContext dsl, Table<?> table) {
        return dsl.selectFrom(table).orderBy(table.fields()[0], table.fields()[1]).fetch().intoMaps();
    }

    private static LocalDate lastContact(CercleDatabase db, Beneficiary file) {
        return db.dsl().select(FILE_ACTIVITY.LAST_CONTACT_ON).from(FILE_ACTIVITY)
                .where(FILE_ACTIVITY.BENEFICIARY_ID.eq(file.id().value())).fetchOne(FILE_ACTIVITY.LAST_CONTACT_ON);
    }

    private static long structureMinutes(CercleDatabase db) {
        Long sum = db.dsl().select(org.jooq.impl.DSL.sum(MONTH_MINUTES.MINUTES).cast(Long.class)).from(MONTH_MINUTES).fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    private void staff(CercleDatabase db) {
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
    }

    private Beneficiary file(CercleDatabase db, String firstName) {
        Beneficiary file = TestData.beneficiary(claire.id()).firstName(firstName).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(file, claire.id());
        return file;
    }

    private Helper helper(CercleDatabase db) {
        Helper helper = TestData.helper().build();
        new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(helper, claire.id());
        return helper;
    }

    private ContributionRepository contributions(CercleDatabase db) {
        return new ContributionRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    private static void write(WriteTransaction tx, Contribution c) {
        tx.save(Values.of(Entities.CONTRIBUTION_TABLE)
                .set(CONTRIBUTION.BENEFICIARY_ID, c.beneficiary().value())
                .set(CONTRIBUTION.HELPER_ID, c.helper().value())
                .set(CONTRIBUTION.NEED_ID, null)
                .set(CONTRIBUTION.CONTRIBUTED_ON, c.date())
                .set(CONTRIBUTION.MINUTES, c.minutes())
                .set(CONTRIBUTION.KIND, c.kind().name())
                .set(CONTRIBUTION.MEDIUM, c.medium().name())
                .set(CONTRIBUTION.CONTACT_MADE, c.contactMade())
                .set(CONTRIBUTION.NOTE, c.note())
                .set(CONTRIBUTION.CONCERN, c.concern()), c.id().value());
    }

    private static Contribution contribution(Beneficiary file, Helper helper, LocalDate day, int minutes, boolean reached) {
        return new Contribution(ContributionId.newId(), file.id(), helper.id(), null, day, minutes,
                ContributionKind.VISIT, reached ? Medium.IN_PERSON : Medium.PHONE, reached, null, null);
    }
}
