package fr.cercle.persistence.alert;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.alert.Alert;
import fr.cercle.model.alert.AlertKind;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The day's alerts from real records: files are made on 1 October 2026, the day's alerts read on
 * 25 November 2026.
 */
class AlertRepositoryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate JEANNE_MADE = LocalDate.of(2026, 10, 1);

    @TempDir
    Path dir;
    CercleDatabase db;
    final HandClock clock = new HandClock(Instant.parse("2026-10-01T08:00:00Z"), ZoneId.of("Europe/Paris"));
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY, Domain.HEALTH), true);
    final AlertSettings settings = AlertSettings.defaults();
    Beneficiary jeanne;
    Helper karim;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, clock);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        jeanne = file(TestData.beneficiary(claire.id()).domains(Set.of(Domain.ELDERLY)));
        karim = helper(TestData.helper());
    }

    @AfterEach
    void close() {
        db.close();
    }

    Beneficiary file(Beneficiary.Builder builder) {
        Beneficiary file = builder.build();
        new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).save(file, claire.id());
        return file;
    }

    Helper helper(Helper.Builder builder) {
        Helper helper = builder.build();
        new HelperRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).save(helper, claire.id());
        return helper;
    }

    void today() {
        clock.set(TODAY.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }

    void contact(Beneficiary file, Helper helper, LocalDate day, boolean reached) {
        new ContributionRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).record(new Contribution(
                ContributionId.newId(), file.id(), helper.id(), null, day, reached ? 45 : 0, ContributionKind.VISIT,
                Medium.IN_PERSON, reached, null, null), claire.id());
    }

    List<Alert> alerts(Viewer viewer) {
        return new AlertRepository(db.dsl(), clock, viewer).current(settings, TODAY);
    }

    List<Alert> alerts(AlertKind kind) {
        return alerts(TestData.ALL_ACCESS).stream().filter(a -> a.kind() == kind).toList();
    }

    static Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    @Test
    void anElderlyPersonNobodyReachedForTenDaysIsAnAlertUntilAContactIsMade() {
        Beneficiary marc = file(TestData.beneficiary(claire.id()).firstName("Marc").lastName("Petit")
                .domains(Set.of(Domain.HEALTH)));
        today();
        contact(jeanne, karim, TODAY.minusDays(10), true);
        contact(jeanne, karim, TODAY.minusDays(2), false); // the call was not answered: no contact
        contact(marc, karim, TODAY.minusDays(10), true);   // 10 days is within the 14 days of his domain

        assertThat(alerts(AlertKind.NO_CONTACT)).singleElement().satisfies(alert -> {
            assertThat(alert.file()).isEqualTo(jeanne.id());
            assertThat(alert.name()).isEqualTo("Jeanne Martin");
            assertThat(alert.since()).isEqualTo(TODAY.minusDays(10));
            assertThat(alert.days(TODAY)).isEqualTo(10);
        });

        contact(jeanne, karim, TODAY, true);
        assertThat(alerts(AlertKind.NO_CONTACT)).isEmpty();
    }

    @Test
    void aPersonNeverReachedCountsFromTheDayTheFileWasMade() {
        clock.set(TODAY.minusDays(10).atTime(9, 0).atZone(clock.getZone()).toInstant());
        Beneficiary recent = file(TestData.beneficiary(claire.id()).firstName("Marc").lastName("Petit")
                .domains(Set.of(Domain.ELDERLY)));
        clock.set(TODAY.minusDays(3).atTime(9, 0).atZone(clock.getZone()).toInstant());
        Beneficiary newcomer = file(TestData.beneficiary(claire.id()).firstName("Lucie").lastName("Roux")
                .domains(Set.of(Domain.ELDERLY)));
        today();
        assertThat(alerts(AlertKind.NO_CONTACT)).extracting(Alert::file, Alert::since, Alert::neverReached).as(
                "Jeanne's file was made on 1 October, Marc's ten days ago: nobody ever reached either")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(jeanne.id(), JEANNE_MADE, true),
                        org.assertj.core.groups.Tuple.tuple(recent.id(), TODAY.minusDays(10), true));
        assertThat(alerts(AlertKind.NO_CONTACT)).extracting(Alert::file).doesNotContain(newcomer.id());
    }

    @Test
    void thresholdsComeFromTheSettingsAndAFileInSeveralDomainsTakesTheShortest() {
        Beneficiary both = file(TestData.beneficiary(claire.id()).firstName("Marc").lastName("Petit")
                .domains(Set.of(Domain.HEALTH, Domain.SCHOOL)));
        today();
        contact(jeanne, karim, TODAY.minusDays(10), true);
        contact(both, karim, TODAY.minusDays(10), true);
        AlertSettings stricter = settings.withNoContactDays(Domain.ELDERLY, 12).withNoContactDays(Domain.SCHOOL, 5);
        assertThat(new AlertRepository(db.dsl(), clock, TestData.ALL_ACCESS).current(stricter, TODAY))
                .filteredOn(a -> a.kind() == AlertKind.NO_CONTACT).extracting(Alert::file).containsExactly(both.id());
    }

    @Test
    void overdueFollowUpsAndNeedsWaitingTooLong() {
        clock.set(LocalDate.of(2026, 11, 18).atTime(9, 0).atZone(clock.getZone()).toInstant());
        new ContributionRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).record(new Contribution(
                ContributionId.newId(), jeanne.id(), karim.id(), null, LocalDate.of(2026, 11, 18), 30, ContributionKind.CALL,
                Medium.PHONE, true, null, "Elle a chuté la semaine dernière"), claire.id()); // due 21 November
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS);
        needs.save(Need.open(jeanne.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), false, LocalDate.of(2026, 11, 1)), claire.id());
        needs.save(Need.open(jeanne.id(), NeedKind.CALL, Frequency.WEEKLY, Set.of(), false, LocalDate.of(2026, 11, 18)), claire.id());
        today();

        assertThat(alerts(AlertKind.FOLLOW_UP_OVERDUE)).singleElement().satisfies(alert -> {
            assertThat(alert.file()).isEqualTo(jeanne.id());
            assertThat(alert.since()).isEqualTo(LocalDate.of(2026, 11, 21));
        });
        assertThat(alerts(AlertKind.NEED_UNMET)).singleElement().satisfies(alert -> {
            assertThat(alert.need()).isEqualTo(NeedKind.SHOPPING);
            assertThat(alert.since()).isEqualTo(LocalDate.of(2026, 11, 1));
        });
    }

    @Test
    void helpersWithoutActivityForThirtyDays() {
        Helper luc = helper(TestData.helper().firstName("Luc").lastName("Bernard"));
        Helper sam = helper(TestData.helper().firstName("Sam").lastName("Petit"));
        helper(TestData.helper().firstName("Zoé").lastName("Blanc").status(fr.cercle.model.helper.HelperStatus.LEFT));
        today();
        contact(jeanne, karim, TODAY.minusDays(3), false); // an unanswered call is still activity
        contact(jeanne, luc, TODAY.minusDays(36), true);
        assertThat(alerts(AlertKind.HELPER_INACTIVE)).extracting(Alert::helper, Alert::since).containsExactly(
                org.assertj.core.groups.Tuple.tuple(sam.id(), LocalDate.of(2026, 10, 1)),
                org.assertj.core.groups.Tuple.tuple(luc.id(), TODAY.minusDays(36)));
    }

    @Test
    void consentsAndBackgroundChecksAboutToExpire() {
        Beneficiary old = file(TestData.beneficiary(claire.id()).firstName("Marc").lastName("Petit")
                .consent(new Consent(LocalDate.of(2024, 12, 10), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM)));
        Beneficiary pupil = file(TestData.beneficiary(claire.id()).firstName("Inès").lastName("Diallo")
                .birthDate(LocalDate.of(2008, 12, 1)).domains(Set.of(Domain.SCHOOL))
                .consent(new Consent(LocalDate.of(2025, 9, 1), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM,
                        "Awa Diallo, mère", null)));
        file(TestData.beneficiary(claire.id()).firstName("Paul").lastName("Withdrawn")
                .consent(new Consent(LocalDate.of(2024, 12, 10), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM,
                        null, LocalDate.of(2025, 1, 5))));
        Helper luc = helper(TestData.helper().firstName("Luc").lastName("Bernard")
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2023, 11, 20))));
        helper(TestData.helper().firstName("Sam").lastName("Petit")
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.REQUESTED, LocalDate.of(2023, 11, 20))));
        today();

        assertThat(alerts(AlertKind.CONSENT_EXPIRING)).extracting(Alert::file, Alert::since).containsExactly(
                org.assertj.core.groups.Tuple.tuple(pupil.id(), LocalDate.of(2026, 12, 1)),
                org.assertj.core.groups.Tuple.tuple(old.id(), LocalDate.of(2026, 12, 10)));
        assertThat(alerts(AlertKind.BACKGROUND_CHECK_EXPIRING)).extracting(Alert::helper, Alert::since)
                .as("ended five days ago").containsExactly(org.assertj.core.groups.Tuple.tuple(luc.id(), LocalDate.of(2026, 11, 20)));
        assertThat(alerts(AlertKind.BACKGROUND_CHECK_EXPIRING).get(0).days(TODAY)).isEqualTo(5);
    }

    @Test
    void aCaseworkerSeesTheAlertsOfTheirCaseloadOnly() {
        Beneficiary paulsFile = file(TestData.beneficiary(paul.id()).firstName("Marc").lastName("Petit"));
        today();
        assertThat(alerts(caseworker(paul))).filteredOn(a -> !a.kind().aboutHelper())
                .extracting(Alert::file).containsOnly(paulsFile.id());
        assertThat(alerts(caseworker(paul))).filteredOn(a -> a.kind() == AlertKind.HELPER_INACTIVE)
                .as("helpers are coordinated by every caseworker").extracting(Alert::helper).containsExactly(karim.id());
        Viewer evaluator = new Viewer("eva", Optional.empty(), Set.of(Role.EVALUATOR), Set.of(Domain.ELDERLY));
        assertThat(alerts(evaluator)).isEmpty();
    }

    @Test
    void anAdministratorSetsTheThresholdsOthersCannotAndNothingOutOfRangeIsKept() {
        Viewer admin = new Viewer("admin", Optional.of(claire.id()), Set.of(Role.ADMINISTRATOR), Set.of());
        AlertSettings chosen = settings.withNoContactDays(Domain.HEALTH, 10);
        new AlertRepository(db.dsl(), clock, admin).saveSettings(db.localSettings(), chosen);
        assertThat(AlertRepository.settings(db.localSettings())).isEqualTo(chosen);

        AlertSettings wrong = new AlertSettings(chosen.noContactDays(), 0, 30, 2, 3, 30).withNoContactDays(Domain.ELDERLY, 3);
        assertThatThrownBy(() -> new AlertRepository(db.dsl(), clock, admin).saveSettings(db.localSettings(), wrong))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(AlertRepository.settings(db.localSettings())).as("nothing half written").isEqualTo(chosen);
        assertThatThrownBy(() -> new AlertRepository(db.dsl(), clock, caseworker(paul)).saveSettings(db.localSettings(), settings))
                .isInstanceOf(AccessDeniedException.class);
    }
}
