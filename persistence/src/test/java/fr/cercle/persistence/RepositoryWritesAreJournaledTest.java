package fr.cercle.persistence;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.persistence.write.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write method of every repository leaves its journal entry: with the architecture test that
 * forbids writing outside the write path, this is what guarantees sync never misses a change.
 */
class RepositoryWritesAreJournaledTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    StaffMember author;

    @BeforeEach
    void open() {
        db = CercleDatabase.open(dir, TestData.CLOCK);
        author = TestData.staff();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void staffSave() {
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(author, author.id());

        assertJournaled("staff_member", author.id().value(), Operation.CREATE);
    }

    @Test
    void installationSave() {
        InstallationRepository installation = new InstallationRepository(db.dsl(), db.deviceId());
        db.writer().run(author.id(), tx -> installation.save(tx,
                new Structure("CCAS de La Souterraine", StructureKind.CCAS, TestData.LA_SOUTERRAINE)));

        assertJournaled("installation", db.deviceId().value(), Operation.CREATE);
        assertThat(installation.find()).get().extracting(i -> i.structure().name()).isEqualTo("CCAS de La Souterraine");
    }

    @Test
    void beneficiarySaveAndClose() {
        BeneficiaryRepository repository = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();

        repository.save(jeanne, author.id());
        repository.close(jeanne.id(), author.id());

        assertJournaled("beneficiary", jeanne.id().value(), Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void helperSave() {
        HelperRepository repository = new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        Helper karim = TestData.helper().build();

        repository.save(karim, author.id());
        repository.save(karim.toBuilder().maxCommitments(3).build(), author.id());

        assertJournaled("helper", karim.id().value(), Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void openingAFileRecordsAnAuditEvent() {
        BeneficiaryRepository repository = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK,
                new fr.cercle.model.access.Viewer("claire", java.util.Optional.of(author.id()),
                        java.util.Set.of(fr.cercle.model.access.Role.COORDINATOR), java.util.Set.of()));
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        repository.save(jeanne, author.id());

        repository.open(jeanne.id());

        UUID event = db.dsl().select(fr.cercle.persistence.jooq.Tables.AUDIT_EVENT.ID)
                .from(fr.cercle.persistence.jooq.Tables.AUDIT_EVENT).fetchSingle().value1();
        assertJournaled("audit_event", event, Operation.CREATE);
    }

    @Test
    void needSaveAndAssign() {
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        files.save(jeanne, author.id());
        fr.cercle.persistence.need.NeedRepository needs =
                new fr.cercle.persistence.need.NeedRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        fr.cercle.model.need.Need need = fr.cercle.model.need.Need.open(jeanne.id(), fr.cercle.model.need.NeedKind.SHOPPING,
                fr.cercle.model.need.Frequency.WEEKLY, java.util.Set.of(), false, java.time.LocalDate.of(2026, 11, 20));

        Helper karim = TestData.helper().build();
        new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS).save(karim, author.id());
        needs.save(need, author.id());
        needs.assign(need, karim.id(), author.id());

        assertJournaled("need", need.id().value(), Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void contributionWithAConcernAndItsFollowUp() {
        new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS)
                .save(TestData.beneficiary(author.id()).build(), author.id());
        Beneficiary jeanne = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS)
                .summaries().stream().findFirst().flatMap(s -> new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK,
                        TestData.ALL_ACCESS).find(s.id())).orElseThrow();
        var contributions = new fr.cercle.persistence.contribution.ContributionRepository(db.dsl(), db.writer(),
                TestData.CLOCK, TestData.ALL_ACCESS);
        var visit = new fr.cercle.model.contribution.Contribution(fr.cercle.model.contribution.ContributionId.newId(),
                jeanne.id(), fr.cercle.model.helper.HelperId.newId(), null, java.time.LocalDate.now(TestData.CLOCK), 30,
                fr.cercle.model.contribution.ContributionKind.VISIT, fr.cercle.model.contribution.Medium.IN_PERSON, true,
                null, "Fatiguée");

        var followUp = contributions.record(visit, author.id()).orElseThrow();
        contributions.done(followUp, author.id());

        assertJournaled("contribution", visit.id().value(), Operation.CREATE);
        assertJournaled("follow_up", followUp.id(), Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void domainProfilesSaveAndChange() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).domains(java.util.Set.of(fr.cercle.model.common.Domain.values()))
                .birthDate(java.time.LocalDate.of(1950, 1, 1)).build();
        var profiles = new fr.cercle.persistence.profile.ProfileRepository(db.dsl(), db.writer(), TestData.CLOCK,
                TestData.ALL_ACCESS);
        var elderly = new fr.cercle.model.profile.ElderlyProfile(jeanne.id(), fr.cercle.model.autonomy.AggirGrid.of("AAAAAAAAAA"),
                java.time.LocalDate.of(2026, 10, 1), null, true, null, null, null);
        profiles.saveWithFile(jeanne, List.of(elderly), author.id());
        profiles.save(new fr.cercle.model.profile.ElderlyProfile(jeanne.id(), fr.cercle.model.autonomy.AggirGrid.of("BBBBBBBBBB"),
                java.time.LocalDate.of(2026, 10, 1), null, true, null, null, null), author.id());
        var health = new fr.cercle.model.profile.HealthProfile(jeanne.id(),
                java.util.Set.of(fr.cercle.model.profile.ChronicCondition.DIABETES), null, null, null, null, null);
        profiles.save(health, author.id());
        var school = fr.cercle.model.profile.SchoolProfile.empty(jeanne.id()).withPath(
                fr.cercle.model.profile.DropoutPath.NONE.with(fr.cercle.model.profile.DropoutStep.SPOTTED,
                        java.time.LocalDate.of(2026, 11, 2)));
        profiles.save(school, author.id());

        assertJournaled("beneficiary", jeanne.id().value(), Operation.CREATE);
        assertJournaled("elderly_profile", elderly.id(), Operation.CREATE, Operation.UPDATE);
        assertJournaled("health_profile", health.id(), Operation.CREATE);
        assertJournaled("school_profile", school.id(), Operation.CREATE);
    }

    @Test
    void heatwaveCampaignAndItsCalls() {
        Beneficiary jeanne = TestData.beneficiary(author.id()).domains(java.util.Set.of(fr.cercle.model.common.Domain.ELDERLY))
                .build();
        var profiles = new fr.cercle.persistence.profile.ProfileRepository(db.dsl(), db.writer(), TestData.CLOCK,
                TestData.ALL_ACCESS);
        profiles.saveWithFile(jeanne, List.of(new fr.cercle.model.profile.ElderlyProfile(jeanne.id(), null, null, null, true,
                null, null, new fr.cercle.model.profile.HeatwaveRegistration(java.time.LocalDate.of(2026, 6, 1),
                fr.cercle.model.profile.HeatwaveRequester.SELF, null, fr.cercle.model.profile.HeatwaveCapacity.AGED_65,
                null))), author.id());
        var heatwave = new fr.cercle.persistence.heatwave.HeatwaveRepository(db.dsl(), db.writer(), TestData.CLOCK,
                TestData.ALL_ACCESS);
        var campaign = fr.cercle.model.heatwave.Campaign.declare(fr.cercle.model.heatwave.AlertLevel.RED,
                java.time.LocalDate.now(TestData.CLOCK), null, null);
        heatwave.declare(campaign, author.id());
        var call = heatwave.startRound(campaign, author.id()).get(0);
        heatwave.record(call, fr.cercle.model.heatwave.CallOutcome.REACHED_FINE, null, author.id());
        heatwave.close(campaign, author.id());

        assertJournaled("heatwave_campaign", campaign.id().value(), Operation.CREATE, Operation.UPDATE);
        assertJournaled("heatwave_call", call.id(), Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void everySyncedTableIsCoveredAbove() {
        assertThat(Entities.all()).extracting(t -> t.entity())
                .containsExactlyInAnyOrder("installation", "staff_member", "beneficiary", "helper", "audit_event", "need",
                        "contribution", "follow_up", "elderly_profile", "health_profile", "school_profile",
                        "heatwave_campaign", "heatwave_call");
    }

    private void assertJournaled(String entity, UUID id, Operation... operations) {
        List<JournalEntry> entries = db.journal().entriesFor(entity, id);
        assertThat(entries).extracting(JournalEntry::operation).containsExactly(operations);
        assertThat(entries).allSatisfy(e -> assertThat(e.author()).isEqualTo(author.id()));
    }
}
