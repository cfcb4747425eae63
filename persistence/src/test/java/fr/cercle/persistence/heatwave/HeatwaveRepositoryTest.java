package fr.cercle.persistence.heatwave;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.CallStep;
import fr.cercle.model.heatwave.CallerKind;
import fr.cercle.model.heatwave.Campaign;
import fr.cercle.model.heatwave.CampaignCall;
import fr.cercle.model.heatwave.CampaignProgress;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The register, a campaign's rounds of calls, outcomes and escalation, under the files' rules, all or nothing. */
class HeatwaveRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.SCHOOL), true);
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    Beneficiary jeanne;
    Beneficiary andre;
    Beneficiary notRegistered;
    Helper karim;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        ProfileRepository profiles = new ProfileRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        jeanne = TestData.beneficiary(claire.id()).domains(Set.of(Domain.ELDERLY)).build();
        andre = TestData.beneficiary(claire.id()).firstName("André").lastName("Aubert").domains(Set.of(Domain.ELDERLY)).build();
        notRegistered = TestData.beneficiary(claire.id()).firstName("Marie").lastName("Zola").domains(Set.of(Domain.ELDERLY)).build();
        for (Beneficiary person : List.of(jeanne, andre, notRegistered)) {
            files.save(person, claire.id());
        }
        profiles.save(registered(jeanne), claire.id());
        profiles.save(registered(andre), claire.id());
        profiles.save(ElderlyProfile.empty(notRegistered.id()), claire.id());
        karim = TestData.helper().skills(Set.of(Skill.PHONE_CALLS, Skill.VISITS)).build();
        new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(karim, claire.id());
    }

    ElderlyProfile registered(Beneficiary person) {
        return new ElderlyProfile(person.id(), null, null, null, true, null,
                new ContactPerson("Sophie Martin", "06 11 22 33 44", "fille"),
                new HeatwaveRegistration(LocalDate.of(2026, 6, 1), HeatwaveRequester.SELF, null, HeatwaveCapacity.AGED_65, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    HeatwaveRepository as(StaffMember member) {
        return new HeatwaveRepository(db.dsl(), db.writer(), db.clock(),
                new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains()));
    }

    @Test
    void theRegisterListsThePeopleRegisteredTheViewerMayRead() {
        assertThat(as(claire).register()).extracting(e -> e.person().lastName()).containsExactly("Aubert", "Martin");
        assertThat(as(claire).register().get(1).profile().emergency().phone()).isEqualTo("06 11 22 33 44");
        assertThat(as(paul).register()).as("Paul follows pupils, not the elderly").isEmpty();
    }

    @Test
    void aCampaignRoundCallsEveryRegisteredPersonThenEscalatesTheUnreachable() {
        HeatwaveRepository heatwave = as(claire);
        Campaign campaign = Campaign.declare(AlertLevel.ORANGE, today, null, "Vigilance orange jusqu’à vendredi");
        heatwave.declare(campaign, claire.id());
        assertThat(heatwave.current()).contains(campaign);

        List<CampaignCall> round = heatwave.startRound(campaign, claire.id());
        assertThat(round).hasSize(2).extracting(CampaignCall::person).containsExactlyInAnyOrder(jeanne.id(), andre.id());
        assertThat(round).extracting(CampaignCall::callerId).contains(karim.id().value());
        assertThat(heatwave.startRound(campaign, claire.id())).as("a round is started once a day")
                .containsExactlyInAnyOrderElementsOf(round);
        assertThat(db.dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(2);

        CampaignCall toJeanne = round.stream().filter(c -> c.person().equals(jeanne.id())).findFirst().orElseThrow();
        CampaignCall toAndre = round.stream().filter(c -> c.person().equals(andre.id())).findFirst().orElseThrow();
        heatwave.record(toAndre, CallOutcome.REACHED_FINE, "Boit bien, volets fermés", claire.id());
        Optional<CampaignCall> second = heatwave.record(toJeanne, CallOutcome.UNREACHABLE, null, claire.id());

        assertThat(second).hasValueSatisfying(next -> assertThat(next.step()).isEqualTo(CallStep.SECOND_CALL));
        List<CampaignCall> now = heatwave.round(campaign.id(), today);
        assertThat(now).hasSize(3);
        assertThat(CampaignProgress.of(now)).isEqualTo(new CampaignProgress(2, 1, 0, 1, 0, 0));

        CampaignCall visit = heatwave.record(second.get(), CallOutcome.UNREACHABLE, null, claire.id()).orElseThrow();
        CampaignCall emergency = heatwave.record(visit, CallOutcome.UNREACHABLE, "Personne à la maison", claire.id())
                .orElseThrow();
        assertThat(emergency.step()).isEqualTo(CallStep.EMERGENCY_CONTACT);
        assertThat(emergency.callerKind()).isEqualTo(CallerKind.STAFF);
        heatwave.record(emergency, CallOutcome.NEEDS_HELP, "Sa fille passe ce soir", claire.id());
        assertThat(CampaignProgress.of(heatwave.round(campaign.id(), today)))
                .isEqualTo(new CampaignProgress(2, 1, 1, 0, 0, 0));
        assertThat(heatwave.rounds(campaign.id())).containsExactly(today);
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY.eq("heatwave_call")))
                .as("five steps created, five done").isEqualTo(5 + 5);

        heatwave.close(heatwave.current().orElseThrow(), claire.id());
        assertThat(heatwave.current()).isEmpty();
        assertThat(heatwave.campaigns()).singleElement().satisfies(c -> assertThat(c.closedOn()).isEqualTo(today));
    }

    @Test
    void aSecondOpenCampaignOrAWrongOneIsRefusedAndNothingWritten() {
        HeatwaveRepository heatwave = as(claire);
        heatwave.declare(Campaign.declare(AlertLevel.RED, today, null, null), claire.id());
        assertThatThrownBy(() -> heatwave.declare(Campaign.declare(AlertLevel.ORANGE, today, null, null), claire.id()))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("CAMPAIGN_ALREADY_OPEN");
        assertThatThrownBy(() -> heatwave.declare(Campaign.declare(null, today.plusDays(30), null, null), claire.id()))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(db.dsl().fetchCount(HEATWAVE_CAMPAIGN)).isEqualTo(1);
        assertThatThrownBy(() -> as(paul).declare(Campaign.declare(AlertLevel.RED, today, null, null), paul.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void erasingAFileErasesItsCalls() {
        HeatwaveRepository heatwave = as(claire);
        Campaign campaign = Campaign.declare(AlertLevel.ORANGE, today, null, null);
        heatwave.declare(campaign, claire.id());
        heatwave.startRound(campaign, claire.id());
        Viewer coordinator = new Viewer("coord", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));

        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator).erase(jeanne.id(), claire.id());

        assertThat(heatwave.round(campaign.id(), today)).extracting(CampaignCall::person).containsExactly(andre.id());
        assertThat(db.dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(1);
    }
    @Test
    void aDueRoundStartsByItselfOnceADayAtTheRhythmOfTheAlertLevel() {
        HandClock clock = new HandClock(TestData.CLOCK.instant(), TestData.CLOCK.getZone());
        HeatwaveRepository heatwave = new HeatwaveRepository(db.dsl(), db.writer(), clock,
                new Viewer("claire", Optional.of(claire.id()), Set.of(Role.CASEWORKER), claire.domains()));
        assertThat(heatwave.startDueRound(claire.id())).as("no alert declared").isEmpty();
        Campaign orange = Campaign.declare(AlertLevel.ORANGE, today, null, null);
        heatwave.declare(orange, claire.id());

        assertThat(heatwave.startDueRound(claire.id())).hasValueSatisfying(due -> {
            assertThat(due.campaign()).isEqualTo(orange);
            assertThat(due.calls()).hasSize(2).allSatisfy(c -> assertThat(c.day()).isEqualTo(today));
        });
        assertThat(heatwave.startDueRound(claire.id())).as("the same day again").isEmpty();
        assertThat(heatwave.startRound(orange, claire.id())).as("by hand: the round as it is").hasSize(2);
        assertThat(db.dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(2);

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(heatwave.startDueRound(claire.id())).as("orange: every other day").isEmpty();
        clock.advance(java.time.Duration.ofDays(1));
        assertThat(heatwave.startDueRound(claire.id())).isPresent();
        assertThat(heatwave.rounds(orange.id())).containsExactly(today.plusDays(2), today);
        assertThat(heatwave.lastRound(orange.id())).isEqualTo(today.plusDays(2));
        assertThat(as(paul).startDueRound(paul.id())).as("Paul may not start rounds: nothing, no refusal").isEmpty();
        assertThat(db.dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(4);

        heatwave.close(orange, claire.id());
        clock.advance(java.time.Duration.ofDays(2));
        assertThat(heatwave.startDueRound(claire.id())).as("the alert is over").isEmpty();
    }

    @Test
    void twoComputersThatStartTheSameRoundOfflineHoldOneCallPerPersonOnceSynced(@TempDir Path other) {
        HeatwaveRepository here = as(claire);
        Campaign red = Campaign.declare(AlertLevel.RED, today, null, null);
        here.declare(red, claire.id());
        try (CercleDatabase town = CercleDatabase.open(other, TestData.CLOCK)) {
            send(db, town);
            HeatwaveRepository there = new HeatwaveRepository(town.dsl(), town.writer(), town.clock(),
                    new Viewer("claire", Optional.of(claire.id()), Set.of(Role.CASEWORKER), claire.domains()));
            assertThat(there.register()).hasSize(2);

            // Offline, both computers open the heatwave page the same morning.
            List<CampaignCall> mine = here.startDueRound(claire.id()).orElseThrow().calls();
            List<CampaignCall> theirs = there.startDueRound(claire.id()).orElseThrow().calls();
            CampaignCall toAndre = mine.stream().filter(c -> c.person().equals(andre.id())).findFirst().orElseThrow();
            here.record(toAndre, CallOutcome.REACHED_FINE, null, claire.id());
            send(db, town);
            send(town, db);

            for (CercleDatabase side : List.of(db, town)) {
                assertThat(side.dsl().fetchCount(HEATWAVE_CALL)).as("one call per person").isEqualTo(2);
            }
            assertThat(theirs).extracting(CampaignCall::id)
                    .containsExactlyInAnyOrderElementsOf(mine.stream().map(CampaignCall::id).toList());
            assertThat(there.round(red.id(), today)).extracting(CampaignCall::callerId)
                    .as("both sides keep the same caller for each call")
                    .containsExactlyInAnyOrderElementsOf(here.round(red.id(), today).stream().map(CampaignCall::callerId).toList());
        }
    }

    /** Every change {@code from} made, to {@code to} (those it holds already are skipped), as the sync does. */
    static void send(CercleDatabase from, CercleDatabase to) {
        List<fr.cercle.persistence.write.IncomingChange> changes = from.journal().changesOf(from.deviceId(), 0, 10_000)
                .stream().map(fr.cercle.persistence.write.IncomingChange::of).toList();
        to.writer().receive(r -> changes.stream().map(r::receive).toList());
    }

    @Test
    void exportingTheRegisterLeavesAnExportLineForEachPersonInTheAuditTrail() {
        List<HeatwaveRepository.Entry> exported = as(claire).exportRegister(claire.id());

        assertThat(exported).extracting(e -> e.person().lastName()).containsExactly("Aubert", "Martin");
        List<fr.cercle.model.audit.AuditEntry> trail = new fr.cercle.persistence.audit.AuditTrail(db.dsl(), db.writer(),
                db.clock(), TestData.ALL_ACCESS).search(fr.cercle.model.audit.AuditQuery.everything(), TestData.CLOCK.getZone());
        assertThat(trail).filteredOn(e -> e.action() == fr.cercle.model.audit.AuditAction.EXPORT)
                .extracting(fr.cercle.model.audit.AuditEntry::record)
                .containsExactlyInAnyOrder(jeanne.id().value(), andre.id().value());
        assertThat(as(paul).exportRegister(paul.id())).as("Paul sees no register, and exports nothing").isEmpty();
    }
}
