package fr.cercle.persistence.rights;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.rights.RetentionPolicy;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
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

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closed files are purged once the retention period has passed since their last change, after a preview. */
class RetentionTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final HandClock now = new HandClock(Instant.parse("2023-03-01T10:00:00Z"), ZoneId.of("Europe/Paris"));
    final StaffMember claire = TestData.staff();
    final Viewer coordinator = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.ELDERLY));
    Beneficiary closedLongAgo;
    Beneficiary closedButChangedLately;
    Beneficiary activeLongAgo;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, now);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        BeneficiaryRepository files = files();
        closedLongAgo = in2023("Ancien").status(BeneficiaryStatus.CLOSED).build();
        closedButChangedLately = in2023("Récent").status(BeneficiaryStatus.CLOSED).build();
        activeLongAgo = in2023("Suivi").build();
        files.save(closedLongAgo, claire.id());
        files.save(closedButChangedLately, claire.id());
        files.save(activeLongAgo, claire.id());
        now.set(Instant.parse("2025-09-01T10:00:00Z"));
        files.save(closedButChangedLately.toBuilder().situation("Courrier reçu.").build(), claire.id());
        now.set(Instant.parse("2026-11-27T10:00:00Z"));
        files.open(closedLongAgo.id()); // an opening is not a change
    }

    /** A file made in March 2023, with a consent of then. */
    Beneficiary.Builder in2023(String lastName) {
        return TestData.beneficiary(claire.id()).lastName(lastName).domains(Set.of(Domain.ELDERLY))
                .consent(new Consent(LocalDate.of(2023, 2, 20), ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM));
    }

    @AfterEach
    void close() {
        db.close();
    }

    BeneficiaryRepository files() {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator);
    }

    Retention retention(Viewer viewer) {
        return new Retention(db.dsl(), db.writer(), db.clock(), viewer);
    }

    @Test
    void thePreviewShowsTheClosedFilesUnchangedForLongerThanThePeriod() {
        List<Retention.Due> due = retention(coordinator).preview(RetentionPolicy.defaults());

        assertThat(due).extracting(Retention.Due::name, Retention.Due::lastChange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Jeanne Ancien", LocalDate.of(2023, 3, 1)));
        assertThat(retention(coordinator).preview(RetentionPolicy.ofYears(5))).isEmpty();
        assertThat(retention(coordinator).preview(RetentionPolicy.ofYears(1)))
                .extracting(Retention.Due::name).containsExactly("Jeanne Ancien", "Jeanne Récent");
    }

    @Test
    void thePurgeErasesWhatThePreviewShowedAndNothingElse() {
        List<Retention.Due> due = retention(coordinator).preview(RetentionPolicy.defaults());

        assertThat(retention(coordinator).purge(due, RetentionPolicy.defaults(), claire.id())).isEqualTo(1);

        assertThat(db.dsl().select(BENEFICIARY.LAST_NAME).from(BENEFICIARY).fetch(BENEFICIARY.LAST_NAME))
                .containsExactlyInAnyOrder("Récent", "Suivi");
        assertThat(files().find(closedLongAgo.id())).isEmpty();
    }

    @Test
    void aFileReopenedSinceThePreviewIsNotPurged() {
        List<Retention.Due> due = retention(coordinator).preview(RetentionPolicy.defaults());
        files().save(closedLongAgo.withStatus(BeneficiaryStatus.ACTIVE), claire.id());

        assertThat(retention(coordinator).purge(due, RetentionPolicy.defaults(), claire.id())).isZero();
        assertThat(db.dsl().fetchCount(BENEFICIARY)).isEqualTo(3);
    }

    @Test
    void onlyACoordinatorPreviewsPurgesAndSetsThePeriod() {
        Viewer caseworker = new Viewer("paul", Optional.of(claire.id()), Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));

        assertThatThrownBy(() -> retention(caseworker).preview(RetentionPolicy.defaults())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention(caseworker).purge(List.of(), RetentionPolicy.defaults(), claire.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention(caseworker).setPolicy(db.localSettings(), RetentionPolicy.ofYears(3)))
                .isInstanceOf(AccessDeniedException.class);

        retention(coordinator).setPolicy(db.localSettings(), RetentionPolicy.ofYears(3));
        assertThat(Retention.policy(db.localSettings())).isEqualTo(RetentionPolicy.ofYears(3));
    }
}
