package fr.cercle.persistence.demo;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.persistence.write.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.now(TestData.CLOCK);
    private static final String FICTION_PHONE = "(01 99 00|06 39 98) \\d\\d \\d\\d";

    /** One standard demo, generated once and only read by the tests that inspect it. */
    @TempDir
    static Path demoDir;
    static CercleDatabase demo;
    static DemoSummary demoSummary;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateTheDemo() {
        demo = TestDatabases.withCommunes(demoDir, TestData.CLOCK);
        demoSummary = DemoDataGenerator.forDemo(demo).generateDemo(Progress.NONE);
    }

    @AfterAll
    static void closeTheDemo() {
        demo.close();
    }

    @Test
    void theDemoHasItsTeamItsStructureAndTheStandardNumbersOfPeople() {
        assertThat(demoSummary.staff()).isEqualTo(6);
        assertThat(demoSummary.beneficiaries()).isEqualTo(DemoDataGenerator.DEMO_BENEFICIARIES).isEqualTo(150);
        assertThat(demoSummary.helpers()).isEqualTo(DemoDataGenerator.DEMO_HELPERS).isEqualTo(80);
        assertThat(staff(demo).all()).hasSize(6);
        assertThat(beneficiaries(demo).count()).isEqualTo(150);
        assertThat(helpers(demo).count()).isEqualTo(80);

        var structure = new InstallationRepository(demo.dsl(), demo.deviceId()).find().orElseThrow().structure();
        assertThat(structure.name()).isEqualTo("CCAS du Pays Sostranien");
        assertThat(structure.kind()).isEqualTo(StructureKind.CCAS);
        assertThat(structure.commune()).isEqualTo(TestData.LA_SOUTERRAINE);
    }

    @Test
    void theCoordinatorIsTheCurrentStaffMemberAndTheAuthorOfEveryWrite() {
        StaffId current = StaffId.parse(demo.localSettings().get(LocalSettings.CURRENT_STAFF).orElseThrow());
        StaffMember coordinator = staff(demo).find(current).orElseThrow();

        assertThat(coordinator.domains()).containsExactlyInAnyOrder(Domain.values());
        assertThat(journal(demo)).allSatisfy(e -> assertThat(e.author()).isEqualTo(current));
        assertThat(staff(demo).all()).allSatisfy(m -> assertThat(m.active()).isTrue())
                .extracting(m -> m.domains().size()).contains(1);
    }

    @Test
    void everyDomainAndEveryStatusAppears() {
        List<BeneficiarySummary> files = beneficiaries(demo).summaries();
        List<HelperSummary> roster = helpers(demo).summaries();

        assertThat(files.stream().flatMap(b -> b.domains().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Domain.values());
        assertThat(files).extracting(BeneficiarySummary::status).contains(BeneficiaryStatus.values());
        assertThat(files).filteredOn(b -> b.domains().size() == 2).isNotEmpty();
        assertThat(roster).extracting(HelperSummary::status).contains(HelperStatus.values());
        assertThat(roster).extracting(HelperSummary::backgroundCheck)
                .contains(BackgroundCheckStatus.VALID, BackgroundCheckStatus.REQUESTED, BackgroundCheckStatus.NOT_REQUESTED);
    }

    @Test
    void everyoneLivesInTheIntercommunalityMostOfThemInLaSouterraine() {
        Map<InseeCode, Commune> territory = new CommuneRepository(demo.dsl())
                .inIntercommunality(DemoDataGenerator.EPCI_CODE).stream()
                .collect(Collectors.toMap(Commune::code, Function.identity()));
        assertThat(territory).hasSize(10);

        List<BeneficiarySummary> files = beneficiaries(demo).summaries();
        assertThat(files).allSatisfy(b -> {
            assertThat(territory).containsKey(b.commune());
            assertThat(b.postalCode()).isEqualTo(territory.get(b.commune()).mainPostalCode());
        });
        assertThat(helpers(demo).summaries()).allSatisfy(h -> assertThat(territory).containsKey(h.commune()));

        Map<InseeCode, Long> byCommune = files.stream()
                .collect(Collectors.groupingBy(BeneficiarySummary::commune, Collectors.counting()));
        InseeCode largest = byCommune.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(largest).isEqualTo(TestData.LA_SOUTERRAINE);
        assertThat(byCommune.keySet()).hasSizeGreaterThan(5);
    }

    @Test
    void beneficiariesArePlausibleForTheirDomain() {
        Map<StaffId, StaffMember> team = staff(demo).all().stream()
                .collect(Collectors.toMap(StaffMember::id, Function.identity()));

        List<Beneficiary> files = fullBeneficiaries(demo);

        assertThat(files).allSatisfy(b -> {
            int age = Period.between(b.birthDate(), TODAY).getYears();
            if (b.domains().contains(Domain.SCHOOL)) {
                assertThat(age).isBetween(13, 19);
            } else if (b.domains().contains(Domain.ELDERLY)) {
                assertThat(age).isBetween(75, 98);
            } else {
                assertThat(age).isBetween(25, 80);
            }
            assertThat(b.consent().date()).isBeforeOrEqualTo(TODAY).isAfter(b.birthDate());
            if (Period.between(b.birthDate(), b.consent().date()).getYears() < 18) {
                assertThat(b.consent().method()).isEqualTo(ConsentMethod.LEGAL_REPRESENTATIVE);
            }
            assertThat(b.consent().scope()).isNotNull();
            assertThat(team.get(b.referent()).domains()).containsAnyElementsOf(b.domains());
            assertThat(b.address().line()).isNotBlank();
            if (b.contact().phone() != null) {
                assertThat(b.contact().phone()).matches(FICTION_PHONE);
            }
            if (b.contact().email() != null) {
                assertThat(b.contact().email()).matches("[a-z0-9.\\-]+@example\\.(fr|org)");
            }
        });
        assertThat(files).filteredOn(b -> b.situation() != null).hasSizeGreaterThan(files.size() * 3 / 4);
        assertThat(files).filteredOn(b -> b.contact().email() != null).isNotEmpty();
        assertThat(files).extracting(Beneficiary::consent).extracting(c -> c.method()).contains(ConsentMethod.values());
        assertThat(files).extracting(Beneficiary::lastName).anyMatch(n -> n.contains("-") || n.contains(" "));
        assertThat(files).extracting(Beneficiary::fullName).anyMatch(n -> !n.equals(java.text.Normalizer
                .normalize(n, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")));
    }

    @Test
    void helpersArePlausibleAndReachable() {
        List<Helper> roster = fullHelpers(demo);

        assertThat(roster).allSatisfy(h -> {
            assertThat(h.contact().isEmpty()).isFalse();
            if (h.contact().phone() != null) {
                assertThat(h.contact().phone()).matches(FICTION_PHONE);
            }
            if (h.contact().email() != null) {
                assertThat(h.contact().email()).matches("[a-z0-9.\\-]+@example\\.(fr|org)");
            }
            assertThat(h.languages()).contains("fr");
            assertThat(h.skills()).isNotEmpty();
            assertThat(h.maxCommitments()).isBetween(1, 4);
            assertThat(h.tags()).allSatisfy(t -> assertThat(t).doesNotContain(",").isLowerCase());
            if (h.charterSignedOn() != null) {
                assertThat(h.charterSignedOn()).isBeforeOrEqualTo(TODAY);
            }
        });
        Set<Skill> withMinors = EnumSet.of(Skill.HOMEWORK_HELP, Skill.MENTORING, Skill.ORIENTATION_AND_JOB_SEARCH);
        List<Helper> meetingMinors = roster.stream()
                .filter(h -> h.skills().stream().anyMatch(withMinors::contains)).toList();
        assertThat(meetingMinors).isNotEmpty();
        assertThat(meetingMinors.stream().filter(h -> h.backgroundCheck().isValid()).count())
                .isGreaterThan(meetingMinors.size() / 2);
        assertThat(roster).filteredOn(h -> h.charterSignedOn() != null).hasSizeGreaterThan(roster.size() / 2);
        assertThat(roster).filteredOn(h -> !h.availability().isEmpty()).hasSizeGreaterThan(roster.size() / 2);
        assertThat(roster).filteredOn(h -> h.languages().size() > 1).isNotEmpty();
    }

    @Test
    void aboutAThirdOfThePeopleHaveANeedAndMostAreMetByAHelperTheMatcherWouldPropose() {
        fr.cercle.persistence.need.NeedRepository needs =
                new fr.cercle.persistence.need.NeedRepository(demo.dsl(), demo.writer(), demo.clock(), TestData.ALL_ACCESS);
        List<fr.cercle.model.need.Need> all = beneficiaries(demo).summaries().stream()
                .flatMap(b -> needs.ofFile(b.id()).stream()).toList();

        assertThat(all).hasSizeBetween(25, 70);
        List<fr.cercle.model.need.Need> matched = all.stream()
                .filter(n -> n.status() == fr.cercle.model.need.NeedStatus.MATCHED).toList();
        assertThat(matched).hasSizeGreaterThan(all.size() / 3);
        assertThat(all).filteredOn(n -> n.status() == fr.cercle.model.need.NeedStatus.OPEN).isNotEmpty();
        LocalDate today = LocalDate.now(TestData.CLOCK);
        for (fr.cercle.model.need.Need need : all) {
            Beneficiary person = beneficiaries(demo).find(need.beneficiary()).orElseThrow();
            assertThat(need.validate(today, fr.cercle.model.beneficiary.BeneficiaryRules.minorOn(person.birthDate(), today)))
                    .as(need.toString()).isEmpty();
        }
        for (fr.cercle.model.need.Need need : matched) {
            assertThat(helpers(demo).find(need.helper())).hasValueSatisfying(h -> {
                assertThat(h.skills()).contains(need.kind().skill());
                if (need.backgroundCheckRequired()) {
                    assertThat(h.backgroundCheck().isValid()).as("a check where one is required").isTrue();
                }
            });
        }
    }

    @Test
    void theHelpersContributionsFollowTheirNeedsRhythmSomeLateSomeWorried() {
        fr.cercle.persistence.circle.CircleRepository circles =
                new fr.cercle.persistence.circle.CircleRepository(demo.dsl(), demo.writer(), demo.clock(), TestData.ALL_ACCESS);
        fr.cercle.persistence.contribution.ContributionRepository contributions =
                new fr.cercle.persistence.contribution.ContributionRepository(demo.dsl(), demo.writer(), demo.clock(), TestData.ALL_ACCESS);
        LocalDate today = LocalDate.now(TestData.CLOCK);
        List<fr.cercle.model.circle.CircleMember> members = beneficiaries(demo).summaries().stream()
                .flatMap(b -> circles.of(b.id()).orElseThrow().members().stream()).toList();
        List<fr.cercle.model.contribution.Contribution> done = beneficiaries(demo).summaries().stream()
                .flatMap(b -> contributions.ofFile(b.id()).stream()).toList();

        assertThat(done).hasSizeGreaterThan(members.size() * 2);
        assertThat(done).allSatisfy(c -> assertThat(c.validate(today)).isEmpty());
        assertThat(done).filteredOn(c -> !c.contactMade()).isNotEmpty();
        assertThat(members).filteredOn(m -> m.late(today)).isNotEmpty();
        assertThat(members).filteredOn(m -> !m.late(today)).hasSizeGreaterThan(members.size() / 2);
        assertThat(beneficiaries(demo).summaries().stream().flatMap(b -> contributions.followUps(b.id()).stream()))
                .as("a few concerns opened follow-ups").isNotEmpty();
    }

    @Test
    void theHelpersOfMatchedNeedsRecordedWhatTheyDidSinceTheirMatching() {
        var contributions = new fr.cercle.persistence.contribution.ContributionRepository(demo.dsl(), demo.writer(),
                demo.clock(), TestData.ALL_ACCESS);
        fr.cercle.persistence.need.NeedRepository needs =
                new fr.cercle.persistence.need.NeedRepository(demo.dsl(), demo.writer(), demo.clock(), TestData.ALL_ACCESS);
        LocalDate today = LocalDate.now(TestData.CLOCK);
        List<fr.cercle.model.contribution.Contribution> all = new java.util.ArrayList<>();
        for (var person : beneficiaries(demo).summaries()) {
            for (fr.cercle.model.contribution.Contribution c : contributions.ofFile(person.id())) {
                fr.cercle.model.need.Need need = needs.find(c.need()).orElseThrow();
                assertThat(c.helper()).isEqualTo(need.helper());
                assertThat(c.date()).isAfterOrEqualTo(need.matchedOn()).isBefore(today);
                assertThat(c.validate(today)).as(c.toString()).isEmpty();
                all.add(c);
            }
        }
        assertThat(all).hasSizeGreaterThan(50);
        assertThat(all).filteredOn(c -> !c.contactMade()).isNotEmpty();
        assertThat(demo.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.FOLLOW_UP)).isPositive();
        assertThat(demo.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL,
                fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL.ENTITY.eq("contribution"))).isEqualTo(all.size());
    }

    

    /** What the circles hold: each need's creation and matching, the contributions, the follow-ups. */
    static final Set<String> CIRCLE = Set.of("need", "contribution", "follow_up");

    /** The journal entries of the demo's circles: needs (a creation each, an update for those matched), contributions, follow-ups. */
    static long needChanges(CercleDatabase db) {
        return db.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL,
                fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL.ENTITY.in(CIRCLE));
    }

    @Test
    void everyRecordHasItsCreateEntryInTheJournal() {
        List<JournalEntry> entries = journal(demo).stream().filter(e -> !CIRCLE.contains(e.entity()))
                .filter(e -> !e.entity().endsWith("_profile")).toList();

        assertThat(entries).hasSize((int) demoSummary.records()).hasSize(6 + 1 + 150 + 80);
        assertThat(entries).extracting(JournalEntry::operation).containsOnly(Operation.CREATE);
        Map<String, Set<UUID>> created = entries.stream().collect(Collectors.groupingBy(JournalEntry::entity,
                Collectors.mapping(JournalEntry::entityId, Collectors.toSet())));
        assertThat(created.get("installation")).containsExactly(demo.deviceId().value());
        assertThat(created.get("staff_member")).containsExactlyInAnyOrderElementsOf(
                staff(demo).all().stream().map(m -> m.id().value()).toList());
        assertThat(created.get("beneficiary")).containsExactlyInAnyOrderElementsOf(
                beneficiaries(demo).summaries().stream().map(b -> b.id().value()).toList());
        assertThat(created.get("helper")).containsExactlyInAnyOrderElementsOf(
                helpers(demo).summaries().stream().map(h -> h.id().value()).toList());
    }

    @Test
    void theSameSeedGivesTheSameRecordsInAnotherDatabase() {
        try (CercleDatabase other = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            new DemoDataGenerator(other, DemoDataGenerator.DEMO_SEED).generate(150, 80, Progress.NONE);

            assertThat(other.deviceId()).isNotEqualTo(demo.deviceId());
            assertThat(staff(other).all()).isEqualTo(staff(demo).all());
            assertThat(sortedBeneficiaries(other)).isEqualTo(sortedBeneficiaries(demo));
            assertThat(sortedHelpers(other)).isEqualTo(sortedHelpers(demo));
            assertThat(fullBeneficiaries(other)).containsExactlyInAnyOrderElementsOf(fullBeneficiaries(demo));
            assertThat(fullHelpers(other)).containsExactlyInAnyOrderElementsOf(fullHelpers(demo));
            assertThat(profiles(other)).containsExactlyInAnyOrderElementsOf(profiles(demo));
        }
    }

    static List<Object> profiles(CercleDatabase db) {
        var profiles = new fr.cercle.persistence.profile.ProfileRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        List<Object> all = new java.util.ArrayList<>();
        for (BeneficiarySummary b : beneficiaries(db).summaries()) {
            profiles.elderly(b.id()).ifPresent(all::add);
            profiles.health(b.id()).ifPresent(all::add);
            profiles.school(b.id()).ifPresent(all::add);
        }
        return all;
    }

    @Test
    void mostPeopleHaveTheProfileOfTheirDomainWithASpreadOfGirsTheHeatwaveRegisterAndPathsAtEveryStep() {
        List<Object> all = profiles(demo);
        LocalDate today = LocalDate.now(TestData.CLOCK);
        for (Object profile : all) {
            List<fr.cercle.model.validation.Problem> problems;
            if (profile instanceof fr.cercle.model.profile.ElderlyProfile p) {
                problems = p.validate(today, beneficiaries(demo).find(p.beneficiary()).orElseThrow());
            } else if (profile instanceof fr.cercle.model.profile.HealthProfile p) {
                problems = p.validate(today, beneficiaries(demo).find(p.beneficiary()).orElseThrow());
            } else {
                var p = (fr.cercle.model.profile.SchoolProfile) profile;
                problems = p.validate(today, beneficiaries(demo).find(p.beneficiary()).orElseThrow());
            }
            assertThat(problems).as(profile.toString()).isEmpty();
        }
        List<fr.cercle.model.profile.ElderlyProfile> elderly = all.stream()
                .filter(fr.cercle.model.profile.ElderlyProfile.class::isInstance)
                .map(fr.cercle.model.profile.ElderlyProfile.class::cast).toList();
        assertThat(elderly).hasSizeGreaterThan(40);
        assertThat(elderly.stream().flatMap(e -> e.gir().stream()).collect(Collectors.toSet()))
                .as("every GIR shows up").hasSize(6);
        long registered = elderly.stream().filter(e -> e.heatwave().registered()).count();
        assertThat((double) registered / elderly.size()).as("in the heatwave register").isBetween(0.2, 0.4);
        List<fr.cercle.model.profile.SchoolProfile> school = all.stream()
                .filter(fr.cercle.model.profile.SchoolProfile.class::isInstance)
                .map(fr.cercle.model.profile.SchoolProfile.class::cast).toList();
        assertThat(school.stream().flatMap(s -> s.path().lastStep().stream()).collect(Collectors.toSet()))
                .as("paths stopped at every step").hasSize(4);
        assertThat(school).anySatisfy(s -> assertThat(s.path().outcome()).isNotNull());
        assertThat(all).anySatisfy(p -> assertThat(p).isInstanceOf(fr.cercle.model.profile.HealthProfile.class));
    }

    @Test
    void anotherSeedGivesOtherPeople() {
        try (CercleDatabase other = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            new DemoDataGenerator(other, 7).generate(150, 80, Progress.NONE);

            Set<BeneficiaryId> demoIds = sortedBeneficiaries(demo).stream().map(BeneficiarySummary::id)
                    .collect(Collectors.toSet());
            assertThat(sortedBeneficiaries(other)).extracting(BeneficiarySummary::id).doesNotContainAnyElementsOf(demoIds);
            assertThat(sortedBeneficiaries(other)).extracting(BeneficiarySummary::fullName)
                    .isNotEqualTo(sortedBeneficiaries(demo).stream().map(BeneficiarySummary::fullName).toList());
        }
    }

    @Test
    void cancellingStopsBetweenTransactionsAndKeepsWhatWasCommitted() {
        try (CercleDatabase db = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            List<Long> reported = new ArrayList<>();
            Progress cancelAfterFirstBatch = new Progress() {
                @Override
                public void update(long done, long total) {
                    reported.add(done);
                }

                @Override
                public boolean cancelled() {
                    return !reported.isEmpty() && reported.get(reported.size() - 1) >= DemoDataGenerator.BATCH_SIZE;
                }
            };

            assertThatThrownBy(() -> new DemoDataGenerator(db, 1).generate(2_500, 100, cancelAfterFirstBatch))
                    .isInstanceOf(CancellationException.class);

            assertThat(beneficiaries(db).count()).isEqualTo(DemoDataGenerator.BATCH_SIZE);
            assertThat(helpers(db).count()).isZero();
            assertThat(db.journal().count()).isEqualTo(6 + 1 + DemoDataGenerator.BATCH_SIZE);
        }
    }

    @Test
    void cancellingBeforeTheStartWritesNothing() {
        try (CercleDatabase db = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            Progress alreadyCancelled = new Progress() {
                @Override
                public void update(long done, long total) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };

            assertThatThrownBy(() -> DemoDataGenerator.forDemo(db).generateDemo(alreadyCancelled))
                    .isInstanceOf(CancellationException.class);

            assertThat(db.journal().count()).isZero();
            assertThat(db.localSettings().get(LocalSettings.CURRENT_STAFF)).isEmpty();
        }
    }

    @Test
    void aMediumGenerationCompletesAndStartsWithTheDemoPeople() {
        try (CercleDatabase db = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            List<long[]> reported = new ArrayList<>();

            DemoSummary summary = DemoDataGenerator.forDemo(db)
                    .generate(2_000, 600, (done, total) -> reported.add(new long[]{done, total}));

            assertThat(summary.beneficiaries()).isEqualTo(2_000);
            assertThat(summary.helpers()).isEqualTo(600);
            assertThat(beneficiaries(db).count()).isEqualTo(2_000);
            assertThat(helpers(db).count()).isEqualTo(600);
            assertThat(db.journal().count()).isEqualTo(summary.records());
            assertThat(reported).extracting(r -> r[1]).containsOnly(6L + 1 + 2_000 + 600);
            assertThat(reported).extracting(r -> r[0]).isSorted().last().isEqualTo(6L + 1 + 2_000 + 600);
            // Each part draws from its own stream: the first 150 of 2,000 are the demo's 150.
            assertThat(sortedBeneficiaries(db)).containsAll(sortedBeneficiaries(demo));
            assertThat(sortedHelpers(db)).containsAll(sortedHelpers(demo));
        }
    }

    @Test
    void generatingAgainWithTheSameSeedChangesNothing() {
        try (CercleDatabase db = TestDatabases.withCommunes(dir, TestData.CLOCK)) {
            DemoDataGenerator.forDemo(db).generateDemo(Progress.NONE);
            List<Beneficiary> before = fullBeneficiaries(db);

            DemoDataGenerator.forDemo(db).generateDemo(Progress.NONE);

            assertThat(db.journal().count()).isEqualTo(6 + 1 + 150 + 80 + needChanges(db) + profiles(db).size());
            assertThat(fullBeneficiaries(db)).isEqualTo(before);
            assertThat(profiles(db)).containsExactlyInAnyOrderElementsOf(profiles(demo));
        }
    }

    @Test
    void negativeSizesAreRefused() {
        assertThatThrownBy(() -> DemoDataGenerator.forDemo(demo).generate(-1, 0, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StaffRepository staff(CercleDatabase db) {
        return new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS);
    }

    private static BeneficiaryRepository beneficiaries(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
    }

    private static HelperRepository helpers(CercleDatabase db) {
        return new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
    }

    private static List<JournalEntry> journal(CercleDatabase db) {
        return db.journal().entriesAfter(0, 100_000);
    }

    private static List<BeneficiarySummary> sortedBeneficiaries(CercleDatabase db) {
        return beneficiaries(db).summaries().stream()
                .sorted(Comparator.comparing(b -> b.id().value())).toList();
    }

    private static List<HelperSummary> sortedHelpers(CercleDatabase db) {
        return helpers(db).summaries().stream()
                .sorted(Comparator.comparing(h -> h.id().value())).toList();
    }

    private static List<Beneficiary> fullBeneficiaries(CercleDatabase db) {
        BeneficiaryRepository repository = beneficiaries(db);
        return sortedBeneficiaries(db).stream().map(s -> repository.find(s.id()).orElseThrow()).toList();
    }

    private static List<Helper> fullHelpers(CercleDatabase db) {
        HelperRepository repository = helpers(db);
        return sortedHelpers(db).stream().map(s -> repository.find(s.id()).orElseThrow()).toList();
    }
}
