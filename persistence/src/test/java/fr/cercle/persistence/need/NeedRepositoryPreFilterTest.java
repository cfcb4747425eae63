package fr.cercle.persistence.need;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.matching.Matcher;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static fr.cercle.persistence.jooq.Tables.HELPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL pre-filter of the candidates ({@code NeedRepository.offers}) against the model's
 * {@link Matcher} given every helper: it must keep every helper the matcher would propose and leave
 * out those it refuses, and the ranking and the reason why nobody is proposed must come out the same.
 */
class NeedRepositoryPreFilterTest {

    static final LocalDate TODAY = LocalDate.now(TestData.CLOCK);
    static final List<InseeCode> COMMUNES = List.of(TestData.LA_SOUTERRAINE, new InseeCode("87085"), new InseeCode("23096"));

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final Viewer coordinator = new Viewer("coord", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));
    Beneficiary jeanne;
    HelperRepository helpers;
    NeedRepository needs;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        jeanne = TestData.beneficiary(claire.id()).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator).save(jeanne, claire.id());
        helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), coordinator);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void keepsEveryHelperTheMatcherWouldProposeAtTheEdgesAndDropsTheOthers() {
        helper("Plusieurs", Set.of(Skill.PAPERWORK, Skill.VISITS, Skill.TRANSPORT), 2);
        Helper oneBelow = helper("UnDeMoins", Set.of(Skill.VISITS), 2);
        Helper atMax = helper("Complet", Set.of(Skill.VISITS), 2);
        helper("Aucun", Set.of(Skill.VISITS), 0);
        // Issued three years ago today: it ends today (three years by default); a day younger, it counts today.
        helper("Echeance", Set.of(Skill.VISITS), 2, HelperStatus.ACTIVE,
                new BackgroundCheck(BackgroundCheckStatus.VALID, TODAY.minusYears(3)));
        helper("Veille", Set.of(Skill.VISITS), 2, HelperStatus.ACTIVE,
                new BackgroundCheck(BackgroundCheckStatus.VALID, TODAY.minusYears(3).plusDays(1)));
        helper("Demande", Set.of(Skill.VISITS), 2, HelperStatus.ACTIVE,
                new BackgroundCheck(BackgroundCheckStatus.REQUESTED, TODAY));
        // A valid check without its date, as only data from elsewhere can hold (the forms refuse it).
        Helper undated = helper("SansDate", Set.of(Skill.VISITS), 2);
        db.dsl().update(HELPER).set(HELPER.BACKGROUND_CHECK_DATE, (java.time.LocalDate) null)
                .where(HELPER.ID.eq(undated.id().value())).execute();
        helper("Pause", Set.of(Skill.VISITS), 2, HelperStatus.PAUSED, TestData.helper().build().backgroundCheck());
        helper("Appels", Set.of(Skill.PHONE_CALLS, Skill.DIGITAL_HELP), 2);
        load(oneBelow, 1);
        load(atMax, 2);

        Need visit = need(NeedKind.VISIT, Set.of(), false);
        assertThat(names(needs.offers(visit)))
                .containsExactlyInAnyOrder("Plusieurs", "UnDeMoins", "Echeance", "Veille", "Demande", "SansDate");
        Need checkedVisit = need(NeedKind.VISIT, Set.of(), true);
        assertThat(names(needs.offers(checkedVisit)))
                .as("a need that requires a valid check leaves out the check only requested, the one that ends today"
                        + " and the undated one")
                .containsExactlyInAnyOrder("Plusieurs", "UnDeMoins", "Veille");
        Need call = need(NeedKind.CALL, Set.of(), true);
        assertThat(names(needs.offers(call))).as("a skill with an underscore in its name").containsExactly("Appels");
        Need paperworkOrCall = need(NeedKind.PAPERWORK, Set.of(Skill.PHONE_CALLS), false);
        assertThat(names(needs.offers(paperworkOrCall))).as("any of the need's skills")
                .containsExactlyInAnyOrder("Plusieurs", "Appels");
        assertThat(needs.offers(visit)).filteredOn(o -> o.helper().lastName().equals("UnDeMoins"))
                .extracting(Matcher.Offer::commitments).containsExactly(1);

        for (Need need : List.of(visit, checkedVisit, call, paperworkOrCall)) {
            assertSameAsTheMatcherOverEveryHelper(need);
        }
    }

    @Test
    void whyNoneCountsInTheDatabaseWhatTheMatcherWouldSay() {
        Need checkedVisit = need(NeedKind.VISIT, Set.of(), true);
        assertThat(needs.whyNone(checkedVisit)).isEqualTo(Matcher.NoCandidate.NO_SKILL);

        helper("Conducteur", Set.of(Skill.TRANSPORT), 2);
        helper("Pause", Set.of(Skill.VISITS), 2, HelperStatus.PAUSED, TestData.helper().build().backgroundCheck());
        assertThat(needs.whyNone(checkedVisit)).as("inactive and unskilled helpers do not count").isEqualTo(Matcher.NoCandidate.NO_SKILL);

        helper("SansCasier", Set.of(Skill.VISITS), 2, HelperStatus.ACTIVE, BackgroundCheck.NOT_REQUESTED);
        assertThat(needs.whyNone(checkedVisit)).isEqualTo(Matcher.NoCandidate.NO_VALID_CHECK);
        assertThat(needs.whyNone(need(NeedKind.VISIT, Set.of(), false))).isEqualTo(Matcher.NoCandidate.ALL_FULL);

        load(helper("Complet", Set.of(Skill.VISITS), 1), 1);
        assertThat(needs.whyNone(checkedVisit)).isEqualTo(Matcher.NoCandidate.ALL_FULL);
        assertThat(needs.candidates(checkedVisit, 10)).isEmpty();
        assertSameAsTheMatcherOverEveryHelper(checkedVisit);
    }

    @Test
    void onAVariedRosterTheRankingAndTheReasonsAreTheMatchersOverEveryHelperWhateverTheLimit() {
        Random random = new Random(20261127);
        Skill[] skills = Skill.values();
        HelperStatus[] statuses = HelperStatus.values();
        BackgroundCheckStatus[] checks = BackgroundCheckStatus.values();
        for (int i = 0; i < 80; i++) {
            Set<Skill> own = EnumSet.noneOf(Skill.class);
            int count = 1 + random.nextInt(3);
            while (own.size() < count) {
                own.add(skills[random.nextInt(skills.length)]);
            }
            BackgroundCheckStatus checkStatus = checks[random.nextInt(checks.length)];
            BackgroundCheck check = new BackgroundCheck(checkStatus,
                    checkStatus == BackgroundCheckStatus.NOT_REQUESTED ? null : TODAY.minusDays(random.nextInt(2_000)));
            HelperStatus status = random.nextInt(3) == 0 ? statuses[random.nextInt(statuses.length)] : HelperStatus.ACTIVE;
            int max = random.nextInt(4);
            Helper h = helper("H" + i, own, max, status, check, COMMUNES.get(random.nextInt(COMMUNES.size())));
            load(h, random.nextInt(max + 2));
        }
        NeedKind[] kinds = NeedKind.values();
        // Some helpers also live in the person's intercommunality: all four bands of proximity are there.
        String neighbour = (String) db.dsl().fetchValue("SELECT insee_code FROM commune WHERE epci_code = (SELECT epci_code FROM commune"
                + " WHERE insee_code = ?) AND insee_code <> ? ORDER BY insee_code LIMIT 1",
                TestData.LA_SOUTERRAINE.value(), TestData.LA_SOUTERRAINE.value());
        for (int i = 0; i < 20; i++) {
            Set<Skill> own = EnumSet.of(skills[random.nextInt(skills.length)], Skill.VISITS);
            helper("V" + i, own, 1 + random.nextInt(3), HelperStatus.ACTIVE, TestData.helper().build().backgroundCheck(),
                    i % 2 == 0 ? new InseeCode(neighbour) : COMMUNES.get(random.nextInt(COMMUNES.size())));
        }
        for (int i = 0; i < 30; i++) {
            Set<Skill> extra = random.nextBoolean() ? Set.of() : Set.of(skills[random.nextInt(skills.length)]);
            Need need = need(kinds[random.nextInt(kinds.length)], extra, random.nextBoolean());
            assertSameAsTheMatcherOverEveryHelper(need);
        }
    }

    /** The pre-filtered ranking and reason equal the matcher's given every helper with their loads, as before it. */
    void assertSameAsTheMatcherOverEveryHelper(Need need) {
        Map<HelperId, Integer> load = needs.commitments();
        List<Matcher.Offer> everyone = helpers.all().stream()
                .map(h -> new Matcher.Offer(h, load.getOrDefault(h.id(), 0))).toList();
        Matcher matcher = new Matcher(new CommuneRepository(db.dsl())::find, TODAY, BackgroundCheck.DEFAULT_YEARS);
        InseeCode home = jeanne.address().commune();

        List<HelperId> proposable = everyone.stream()
                .filter(o -> matcher.candidate(need, home, o).isPresent()).map(o -> o.helper().id()).toList();
        assertThat(needs.offers(need)).extracting(o -> o.helper().id())
                .as("the pre-filter keeps exactly the helpers the matcher would propose for %s", need.requiredSkills())
                .containsExactlyInAnyOrderElementsOf(proposable);
        assertThat(needs.candidates(need, 1_000)).isEqualTo(matcher.rank(need, home, everyone, 1_000));
        for (int limit : new int[] {1, 3, 10}) {
            assertThat(needs.candidates(need, limit)).as("the best %s", limit).isEqualTo(matcher.rank(need, home, everyone, limit));
        }
        if (proposable.isEmpty()) {
            assertThat(needs.whyNone(need)).isEqualTo(matcher.whyNone(need, everyone));
        }
    }

    Helper helper(String lastName, Set<Skill> skills, int max) {
        return helper(lastName, skills, max, HelperStatus.ACTIVE, TestData.helper().build().backgroundCheck());
    }

    Helper helper(String lastName, Set<Skill> skills, int max, HelperStatus status, BackgroundCheck check) {
        return helper(lastName, skills, max, status, check, TestData.LA_SOUTERRAINE);
    }

    Helper helper(String lastName, Set<Skill> skills, int max, HelperStatus status, BackgroundCheck check, InseeCode commune) {
        Helper h = TestData.helper().lastName(lastName).skills(skills).maxCommitments(max).status(status)
                .backgroundCheck(check).commune(commune).build();
        helpers.save(h, claire.id());
        return h;
    }

    /** Gives the helper this many matched needs (their load), and a closed one that does not count. */
    void load(Helper helper, int count) {
        for (int i = 0; i < count; i++) {
            needs.save(Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(), false, TODAY.minusDays(10))
                    .assign(helper.id(), TODAY.minusDays(5)), claire.id());
        }
        needs.save(Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(), false, TODAY.minusDays(10))
                .assign(helper.id(), TODAY.minusDays(5)).close(), claire.id());
    }

    Need need(NeedKind kind, Set<Skill> extra, boolean checkRequired) {
        Need open = Need.open(jeanne.id(), kind, Frequency.WEEKLY, Set.of(), checkRequired, TODAY);
        return new Need(open.id(), open.beneficiary(), kind, open.frequency(), open.slots(), extra, checkRequired,
                new TreeSet<>(), open.status(), open.openedOn(), null, null, null);
    }

    static List<String> names(List<Matcher.Offer> offers) {
        List<String> names = new ArrayList<>();
        offers.forEach(o -> names.add(o.helper().lastName()));
        return names;
    }
}
