package fr.cercle.persistence.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The right of access: everything held about one person, traced as an export, for those who may read the file. */
class AccessReportsTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    Viewer asClaire;
    Viewer asPaul;
    Beneficiary jeanne;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        StaffRepository staff = new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS);
        staff.save(claire, claire.id());
        staff.save(paul, claire.id());
        asClaire = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.ELDERLY));
        asPaul = new Viewer("paul", Optional.of(paul.id()), Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));
        jeanne = TestData.beneficiary(claire.id()).domains(Set.of(Domain.ELDERLY)).build();
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), asClaire);
        files.save(jeanne, claire.id());
        files.save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        files.open(jeanne.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everythingHeldAboutAPersonWithItsHistoryAndWhoAccessedIt() throws Exception {
        fr.cercle.model.need.Need visits = fr.cercle.model.need.Need.open(jeanne.id(), fr.cercle.model.need.NeedKind.VISIT,
                fr.cercle.model.need.Frequency.WEEKLY, Set.of(), false, java.time.LocalDate.of(2026, 11, 20));
        new fr.cercle.persistence.need.NeedRepository(db.dsl(), db.writer(), db.clock(), asClaire).save(visits, claire.id());
        new fr.cercle.persistence.contribution.ContributionRepository(db.dsl(), db.writer(), db.clock(), asClaire).record(
                new fr.cercle.model.contribution.Contribution(fr.cercle.model.contribution.ContributionId.newId(), jeanne.id(),
                        fr.cercle.model.helper.HelperId.newId(), visits.id(), java.time.LocalDate.now(TestData.CLOCK), 30,
                        fr.cercle.model.contribution.ContributionKind.CALL, fr.cercle.model.contribution.Medium.PHONE, true,
                        "Bonne humeur", "Oublie ses rendez-vous"), claire.id());
        AccessReport report = new AccessReports(db.dsl(), db.writer(), db.clock(), asClaire).gather(jeanne.id());

        assertThat(report.person()).isEqualTo(jeanne.withStatus(BeneficiaryStatus.PAUSED));
        assertThat(report.referent()).isEqualTo("Claire Moreau");
        assertThat(report.exportedBy()).isEqualTo("Claire Moreau");
        assertThat(report.history()).extracting(AccessReport.Change::operation, AccessReport.Change::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATE", "Claire Moreau"),
                        org.assertj.core.groups.Tuple.tuple("UPDATE", "Claire Moreau"));
        assertThat(report.history().get(1).fields()).containsEntry("status", "PAUSED");
        assertThat(report.accesses()).extracting(AccessReport.Access::action)
                .containsExactly(AuditAction.EXPORT, AuditAction.VIEW, AuditAction.CHANGE, AuditAction.CREATE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessReports.writeJson(report, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.path("format").asText()).isEqualTo("cercle-access-report");
        assertThat(json.at("/person/last_name").asText()).isEqualTo("Martin");
        assertThat(json.at("/person/situation").asText()).isEqualTo(jeanne.situation());
        assertThat(json.at("/person/consent/method").asText()).isEqualTo("SIGNED_FORM");
        assertThat(json.at("/history/0/fields/first_name").asText()).isEqualTo("Jeanne");
        assertThat(json.at("/accesses/0/action").asText()).isEqualTo("EXPORT");
        assertThat(report.needs()).containsExactly(visits);
        assertThat(json.at("/needs/0/kind").asText()).isEqualTo("VISIT");
        assertThat(json.at("/needs/0/status").asText()).isEqualTo("OPEN");
        assertThat(json.at("/contributions/0/concern").asText()).isEqualTo("Oublie ses rendez-vous");
        assertThat(json.at("/follow_ups/0/subject").asText()).isEqualTo("Oublie ses rendez-vous");
    }

    @Test
    void theExportIsInTheAuditTrail() {
        new AccessReports(db.dsl(), db.writer(), db.clock(), asClaire).gather(jeanne.id());

        assertThat(new AuditTrail(db.dsl(), db.writer(), db.clock(), asClaire)
                .search(AuditQuery.everything().about(Set.of(jeanne.id().value())), ZoneId.of("Europe/Paris")))
                .extracting(AuditEntry::action).first().isEqualTo(AuditAction.EXPORT);
    }

    @Test
    void whoMayNotReadTheFileMayNotExportItAndNothingIsTraced() {
        int events = db.dsl().fetchCount(AUDIT_EVENT);

        assertThatThrownBy(() -> new AccessReports(db.dsl(), db.writer(), db.clock(), asPaul).gather(jeanne.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isEqualTo(events);
    }
}
