package fr.cercle.persistence.profile;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.ParentalConsent;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.rights.AccessReports;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE;
import static fr.cercle.persistence.jooq.Tables.HEALTH_PROFILE;
import static fr.cercle.persistence.jooq.Tables.SCHOOL_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain profiles through the write path: stored as given, journaled, under need-to-know by part, erased with the file. */
class ProfileRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = new StaffMember(StaffId.newId(), "Claire", "Moreau", "CCAS",
            Set.of(Domain.ELDERLY, Domain.HEALTH, Domain.SCHOOL), true);
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    Beneficiary jeanne;
    Beneficiary theo;

    final ElderlyProfile jeannesElderly() {
        return new ElderlyProfile(jeanne.id(), AggirGrid.of("CCBBBBBBBB"), LocalDate.of(2026, 10, 5), ApaStatus.GRANTED, true,
                "Carte mobilité inclusion", new ContactPerson("Claire Martin", "06 12 34 56 78", "fille"),
                new HeatwaveRegistration(LocalDate.of(2025, 6, 2), HeatwaveRequester.THIRD_PARTY, "Mme Roux, voisine",
                        HeatwaveCapacity.AGED_65, "SSIAD du Val"));
    }

    final HealthProfile jeannesHealth() {
        return new HealthProfile(jeanne.id(), Set.of(ChronicCondition.DIABETES, ChronicCondition.HEART_FAILURE), "Arthrose",
                new ContactPerson("Inès Blanc", "06 11 22 33 44"), new ContactPerson("Dr Morel", "05 55 12 34 56"),
                new ContactPerson("Claire Martin", "06 12 34 56 78"), EducationStage.IN_PROGRAMME);
    }

    final SchoolProfile theosSchool() {
        return new SchoolProfile(theo.id(), "Collège Jean Moulin", "3e B", "M. Petit (CPE)", 8, 6, LocalDate.of(2026, 11, 20),
                new DropoutPath(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 20), null, null, null, null),
                new ParentalConsent(LocalDate.of(2026, 9, 12), "Mme Durand, mère"));
    }

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        jeanne = TestData.beneficiary(claire.id()).build();
        theo = TestData.beneficiary(claire.id()).firstName("Théo").lastName("Durand").birthDate(LocalDate.of(2011, 4, 3))
                .domains(Set.of(Domain.SCHOOL)).consent(new fr.cercle.model.beneficiary.Consent(LocalDate.of(2026, 9, 12),
                        ConsentScope.FOLLOW_UP_AND_HELPERS, fr.cercle.model.beneficiary.ConsentMethod.SIGNED_FORM,
                        "Mme Durand, mère", null)).build();
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        files.save(jeanne, claire.id());
        files.save(theo, claire.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    ProfileRepository as(Viewer viewer) {
        return new ProfileRepository(db.dsl(), db.writer(), db.clock(), viewer);
    }

    Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName().toLowerCase(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    @Test
    void profilesReadBackAsSavedAndEachEditIsJournaledFieldByField() {
        ProfileRepository profiles = as(caseworker(claire));
        profiles.save(jeannesElderly(), claire.id());
        profiles.save(jeannesHealth(), claire.id());
        profiles.save(theosSchool(), claire.id());

        assertThat(profiles.elderly(jeanne.id())).contains(jeannesElderly());
        assertThat(profiles.elderly(jeanne.id()).flatMap(ElderlyProfile::gir)).contains(Gir.GIR_2);
        assertThat(profiles.health(jeanne.id())).contains(jeannesHealth());
        assertThat(profiles.school(theo.id())).contains(theosSchool());
        assertThat(profiles.school(jeanne.id())).isEmpty();

        SchoolProfile assessed = theosSchool().withPath(theosSchool().path().with(
                fr.cercle.model.profile.DropoutStep.ASSESSED, LocalDate.of(2026, 10, 1)));
        profiles.save(assessed, claire.id());
        assertThat(db.dsl().select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY.eq("school_profile")).orderBy(CHANGE_JOURNAL.SEQ.desc()).limit(1).fetchOne().value1())
                .isEqualTo("{\"assessed_on\":\"2026-10-01\"}");
        assertThat(profiles.school(theo.id())).contains(assessed);
    }

    @Test
    void anEmptyProfileIsNotWrittenAndAnInvalidOneWritesNothing() {
        ProfileRepository profiles = as(TestData.ALL_ACCESS);
        profiles.save(ElderlyProfile.empty(jeanne.id()), claire.id());
        assertThat(db.dsl().fetchCount(ELDERLY_PROFILE)).isZero();

        SchoolProfile forJeanne = SchoolProfile.empty(jeanne.id()).withPath(DropoutPath.NONE.withOutcome(DropoutOutcome.JOB, null));
        assertThatThrownBy(() -> profiles.save(forJeanne, claire.id()))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems()).contains(
                        Problem.of(Beneficiary.DOMAINS, Rule.NOT_IN_DOMAIN), Problem.of(SchoolProfile.OUTCOME_ON, Rule.REQUIRED)));
        assertThat(db.dsl().fetchCount(SCHOOL_PROFILE)).isZero();
    }

    @Test
    void theFileAndItsProfilesAreSavedTogetherOrNotAtAll() {
        ProfileRepository profiles = as(TestData.ALL_ACCESS);
        Beneficiary renamed = jeanne.toBuilder().firstName("Jeannette").build();
        HealthProfile wrong = new HealthProfile(jeanne.id(), Set.of(), null, new ContactPerson("Inès", "123"), null, null, null);
        assertThatThrownBy(() -> profiles.saveWithFile(renamed, List.of(jeannesElderly(), wrong), claire.id()))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).find(jeanne.id())
                .orElseThrow().firstName()).isEqualTo("Jeanne");
        assertThat(db.dsl().fetchCount(ELDERLY_PROFILE)).isZero();

        Beneficiary newcomer = TestData.beneficiary(claire.id()).firstName("Louis").build();
        profiles.saveWithFile(newcomer, List.of(new ElderlyProfile(newcomer.id(), null, null, ApaStatus.REQUESTED, true,
                null, null, null)), claire.id());
        assertThat(profiles.elderly(newcomer.id()).map(ElderlyProfile::apa)).contains(ApaStatus.REQUESTED);
    }

    @Test
    void theHealthProfileIsOnlyForViewersOfTheHealthDomain() {
        as(TestData.ALL_ACCESS).save(jeannesHealth(), claire.id());
        as(TestData.ALL_ACCESS).save(jeannesElderly(), claire.id());
        Beneficiary paulsFile = TestData.beneficiary(paul.id()).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(paulsFile, claire.id());
        as(TestData.ALL_ACCESS).save(new HealthProfile(paulsFile.id(), Set.of(ChronicCondition.ASTHMA), null, null, null, null,
                null), claire.id());

        ProfileRepository pauls = as(caseworker(paul));
        assertThat(pauls.health(paulsFile.id())).as("his own file, but not his domain").isEmpty();
        assertThat(pauls.elderly(jeanne.id())).as("not his file").isEmpty();
        assertThatThrownBy(() -> pauls.save(new HealthProfile(paulsFile.id(), Set.of(ChronicCondition.CANCER), null, null,
                null, null, null), paul.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestData.ALL_ACCESS).health(paulsFile.id()).orElseThrow().conditions()).containsExactly(ChronicCondition.ASTHMA);
        assertThat(as(caseworker(claire)).health(jeanne.id())).isPresent();
    }

    @Test
    void erasingTheFileErasesItsProfiles() {
        as(TestData.ALL_ACCESS).save(jeannesElderly(), claire.id());
        as(TestData.ALL_ACCESS).save(jeannesHealth(), claire.id());
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).erase(jeanne.id(), claire.id());

        assertThat(db.dsl().fetchCount(ELDERLY_PROFILE)).isZero();
        assertThat(db.dsl().fetchCount(HEALTH_PROFILE)).isZero();
        assertThat(db.dsl().select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY.in("elderly_profile", "health_profile")).fetch(CHANGE_JOURNAL.FIELDS))
                .as("what was written is emptied").allSatisfy(fields -> assertThat(fields).doesNotContain("Claire", "DIABETES"));
    }

    @Test
    void theRightOfAccessListsTheProfiles() throws Exception {
        as(TestData.ALL_ACCESS).save(jeannesElderly(), claire.id());
        as(TestData.ALL_ACCESS).save(jeannesHealth(), claire.id());
        var report = new AccessReports(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).gather(jeanne.id());
        assertThat(report.profiles().elderly()).isEqualTo(jeannesElderly());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessReports.writeJson(report, out);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("profiles");
        assertThat(json.at("/elderly_profile/aggir").asText()).isEqualTo("CCBBBBBBBB");
        assertThat(json.at("/elderly_profile/gir").asInt()).isEqualTo(2);
        assertThat(json.at("/elderly_profile/heatwave_requester_name").asText()).isEqualTo("Mme Roux, voisine");
        assertThat(json.at("/health_profile/conditions").toString()).isEqualTo("[\"DIABETES\",\"HEART_FAILURE\"]");
        assertThat(json.has("school_profile")).isFalse();
    }
}
