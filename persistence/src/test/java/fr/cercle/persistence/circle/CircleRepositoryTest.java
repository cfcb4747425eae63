package fr.cercle.persistence.circle;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.circle.Circle;
import fr.cercle.model.circle.CircleMember;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's circle read from the database as their page shows it, under the file's rule. */
class CircleRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    /** Wednesday 25 November 2026. */
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    Beneficiary jeanne;
    Helper karim;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        jeanne = TestData.beneficiary(claire.id()).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(jeanne, claire.id());
        karim = TestData.helper().build();
        new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(karim, claire.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    Viewer viewer(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    CircleRepository circles(StaffMember member) {
        return new CircleRepository(db.dsl(), db.writer(), db.clock(), viewer(member));
    }

    Need need(NeedKind kind, LocalDate matchedOn) {
        Need open = Need.open(jeanne.id(), kind, Frequency.WEEKLY, Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)),
                false, LocalDate.of(2026, 9, 1));
        Need need = matchedOn == null ? open : open.assign(karim.id(), matchedOn);
        new NeedRepository(db.dsl(), db.writer(), db.clock(), viewer(claire)).save(need, claire.id());
        return need;
    }

    void contribution(LocalDate day, boolean reached, String concern) {
        new ContributionRepository(db.dsl(), db.writer(), db.clock(), viewer(claire)).record(
                new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null, day, reached ? 60 : 0,
                        ContributionKind.VISIT, Medium.IN_PERSON, reached, null, concern), claire.id());
    }

    @Test
    void theCircleShowsWhoHelpsTheirLastAndNextContactUnmetNeedsAndOpenFollowUps() {
        Need visits = need(NeedKind.VISIT, LocalDate.of(2026, 9, 15));
        Need transport = need(NeedKind.TRANSPORT, null);
        for (int week = 10; week >= 2; week--) {
            contribution(LocalDate.of(2026, 11, 17).minusWeeks(week), true, null);
        }
        contribution(LocalDate.of(2026, 11, 17), true, "Elle a perdu du poids.");
        contribution(LocalDate.of(2026, 11, 24), false, null);

        Circle circle = circles(claire).of(jeanne.id()).orElseThrow();

        CircleMember member = circle.member(karim.id()).orElseThrow();
        assertThat(member.name()).isEqualTo("Karim Benali");
        assertThat(member.needs()).extracting(Need::id).containsExactly(visits.id());
        assertThat(member.since()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(member.lastContact().date()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(member.lastAttempt().date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(member.nextContact()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(member.late(today)).isTrue();
        assertThat(circle.unmet()).extracting(Need::id).containsExactly(transport.id());
        assertThat(circle.open()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("Elle a perdu du poids.");
            assertThat(f.referent()).isEqualTo(claire.id());
        });
        assertThat(circle.recent()).hasSize(Circle.RECENT).first().extracting(Contribution::date)
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void aHelperWhoNeverReachedThePersonIsExpectedFromTheirMatch() {
        need(NeedKind.VISIT, LocalDate.of(2026, 11, 2));
        contribution(LocalDate.of(2026, 11, 10), false, null);

        CircleMember member = circles(claire).of(jeanne.id()).orElseThrow().member(karim.id()).orElseThrow();

        assertThat(member.lastContact()).isNull();
        assertThat(member.lastAttempt().date()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(member.nextContact()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void noCircleForAFileTheViewerMayNotRead() {
        need(NeedKind.VISIT, LocalDate.of(2026, 11, 2));
        assertThat(circles(paul).of(jeanne.id())).isEmpty();
    }
}
