package fr.cercle.persistence.need;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.matching.Candidate;
import fr.cercle.model.matching.Matcher;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import fr.cercle.persistence.alert.AlertRepository;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.jooq.tables.records.NeedRecord;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.JsonValues;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.Columns.list;
import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.COMMUNE;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static fr.cercle.persistence.write.Entities.NEED_TABLE;

/**
 * The needs of the files a viewer may read: a need is read and written with its person's file, under
 * the same need-to-know rule (a caseworker, their caseload; a coordinator, the structure's); a save
 * for a file the viewer may not change is refused before anything is written. Every save is
 * validated, then written with its journal entry, so it syncs.
 */
public final class NeedRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;
    private final BeneficiaryRepository files;

    public NeedRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
        this.files = new BeneficiaryRepository(dsl, writer, clock, viewer);
    }

    /** The needs of one person's file, oldest first; none if the viewer may not read the file. */
    public List<Need> ofFile(BeneficiaryId file) {
        if (files.find(file).isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(NEED).where(NEED.BENEFICIARY_ID.eq(file.value()))
                .orderBy(NEED.OPENED_ON, NEED.ID).fetch(NeedRepository::toModel);
    }

    /** One need, if the viewer may read its file. */
    public Optional<Need> find(NeedId id) {
        return dsl.selectFrom(NEED).where(NEED.ID.eq(id.value())).fetchOptional(NeedRepository::toModel)
                .filter(need -> files.find(need.beneficiary()).isPresent());
    }

    /**
     * How many needs each helper meets now (matched, not closed): their load, for matching. Counts
     * only, over every file: a helper's load is theirs, whoever's files it comes from.
     */
    public Map<HelperId, Integer> commitments() {
        Map<HelperId, Integer> load = new HashMap<>();
        dsl.select(NEED.HELPER_ID, DSL.count()).from(NEED)
                .where(NEED.STATUS.eq(NeedStatus.MATCHED.name()).and(NEED.HELPER_ID.isNotNull()))
                .groupBy(NEED.HELPER_ID)
                .forEach(r -> load.put(new HelperId(r.value1()), r.value2()));
        return load;
    }

    /**
     * The best {@code limit} helpers for an open need, ranked with their reasons (the model's
     * {@link Matcher}), among the helpers the viewer may see. The matcher decides; the database only
     * spares it the helpers it cannot propose or who cannot be among the best (see {@link #closest}).
     */
    public List<Candidate> candidates(Need need, int limit) {
        Beneficiary file = files.find(need.beneficiary())
                .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "match a need of " + need.beneficiary()));
        CommuneRepository communes = new CommuneRepository(dsl);
        Map<InseeCode, Optional<Commune>> cache = new HashMap<>();
        Function<InseeCode, Optional<Commune>> reference = code -> cache.computeIfAbsent(code, communes::find);
        InseeCode home = file.address() == null ? null : file.address().commune();
        Matcher matcher = matcher(reference);
        Closest closest = closest(need, home == null ? Optional.empty() : reference.apply(home), limit);
        List<Matcher.Offer> offers = new ArrayList<>(offers(need, closest.ranked()));
        List<Candidate> ranked = matcher.rank(need, home, offers, limit);
        if (ranked.size() < limit && !closest.others().isEmpty()) {
            // The matcher refused some of the closest, by a rule the SQL does not know: rank everyone kept.
            offers.addAll(offers(need, closest.others()));
            ranked = matcher.rank(need, home, offers, limit);
        }
        return ranked;
    }

    /** The helpers kept by the pre-filter: those who may be among the best, and the others. */
    private record Closest(List<UUID> ranked, List<UUID> others) {
    }

    /**
     * Which of the helpers the pre-filter keeps can be among the best {@code limit}, without reading
     * them whole. The matcher ranks first by the need's skills covered, then by proximity (same
     * commune, intercommunality, department, further, from the communes reference): the database gives
     * those two keys for each kept helper, and every helper whose keys come after the {@code limit}-th
     * one's cannot be among the best. The keys are the matcher's own (Commune#proximityTo), and
     * {@link #candidates} ranks the others too if the matcher refuses some of the closest.
     */
    private Closest closest(Need need, Optional<Commune> home, int limit) {
        Set<Skill> skills = need.requiredSkills();
        if (!NeedToKnow.canRead(viewer, Subject.HELPER) || skills.isEmpty()) {
            return new Closest(List.of(), List.of());
        }
        Field<Integer> covered = DSL.inline(0);
        for (Skill skill : skills) {
            covered = covered.plus(DSL.when(hasSkill(skill), DSL.inline(1)).otherwise(DSL.inline(0)));
        }
        Field<Integer> band = DSL.inline(Commune.Proximity.FURTHER.ordinal());
        if (home.isPresent()) {
            Commune c = home.get();
            var proximity = DSL.when(COMMUNE.INSEE_CODE.eq(c.code().value()), DSL.inline(Commune.Proximity.SAME_COMMUNE.ordinal()));
            if (c.epciCode() != null) {
                proximity = proximity.when(COMMUNE.EPCI_CODE.eq(c.epciCode()), DSL.inline(Commune.Proximity.SAME_INTERCOMMUNALITY.ordinal()));
            }
            band = proximity.when(COMMUNE.DEPARTMENT.eq(c.department()), DSL.inline(Commune.Proximity.SAME_DEPARTMENT.ordinal()))
                    .otherwise(DSL.inline(Commune.Proximity.FURTHER.ordinal()));
        }
        Field<Integer> coveredKey = covered.as("covered");
        Field<Integer> bandKey = band.as("band");
        record Key(UUID id, int covered, int band) {
        }
        Comparator<Key> order = Comparator.comparingInt((Key k) -> -k.covered()).thenComparingInt(Key::band);
        List<Key> keys = new ArrayList<>(dsl.select(HELPER.ID, coveredKey, bandKey).from(HELPER)
                .leftJoin(COMMUNE).on(COMMUNE.INSEE_CODE.eq(HELPER.COMMUNE_INSEE))
                .where(preFilter(need))
                .fetch(r -> new Key(r.value1(), r.value2(), r.value3())));
        keys.sort(order);
        List<UUID> ranked = new ArrayList<>();
        List<UUID> others = new ArrayList<>();
        Key last = keys.size() > limit ? keys.get(Math.max(0, limit - 1)) : null;
        for (Key key : keys) {
            (last == null || order.compare(key, last) <= 0 ? ranked : others).add(key.id());
        }
        return new Closest(ranked, others);
    }

    /**
     * Why no helper is proposed for {@code need}, among the helpers the viewer may see: the matcher's
     * reason, from two counts made by the database (no helper is read).
     */
    public Matcher.NoCandidate whyNone(Need need) {
        Set<Skill> skills = need.requiredSkills();
        if (!NeedToKnow.canRead(viewer, Subject.HELPER) || skills.isEmpty()) {
            return Matcher.whyNone(0, 0);
        }
        Condition checked = checkedFor(need);
        Record2<Integer, Integer> counts = dsl.select(DSL.count(), DSL.count().filterWhere(checked)).from(HELPER)
                .where(HELPER.STATUS.eq(HelperStatus.ACTIVE.name()).and(anySkillOf(skills)))
                .fetchOne();
        return Matcher.whyNone(counts.value1(), counts.value2());
    }

    /**
     * The helpers the viewer may see who are not refused outright for {@code need}, each with their
     * load: a pre-filter in SQL of the {@link Matcher}'s own refusals, so that it ranks a few helpers
     * rather than the whole roster. Left out: a helper not active, without any of the need's skills,
     * without a valid background check when the need requires one, or with as many commitments as
     * their maximum. The matcher checks all of it again and stays the one that decides; the SQL may
     * keep too many, never too few (NeedRepositoryPreFilterTest compares the two).
     */
    List<Matcher.Offer> offers(Need need) {
        if (!NeedToKnow.canRead(viewer, Subject.HELPER) || need.requiredSkills().isEmpty()) {
            return List.of();
        }
        return offers(need, preFilter(need));
    }

    /** The helpers among {@code ids} whom the pre-filter keeps for the need, whole, with their load. */
    private List<Matcher.Offer> offers(Need need, List<UUID> ids) {
        List<Matcher.Offer> offers = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1_000) {
            offers.addAll(offers(need, HELPER.ID.in(ids.subList(from, Math.min(ids.size(), from + 1_000)))
                    .and(preFilter(need))));
        }
        return offers;
    }

    private List<Matcher.Offer> offers(Need need, Condition condition) {
        Field<Integer> load = load().as("load");
        return dsl.select(HELPER.fields()).select(load).from(HELPER)
                .where(condition)
                .fetchSize(2_000)
                .fetch(r -> new Matcher.Offer(HelperRepository.toModel(r.into(HELPER)), r.get(load)));
    }

    /**
     * What the matcher refuses outright, in SQL (see {@link #offers(Need)}); only for a viewer who may
     * see the roster (as HelperRepository#all) and a need with skills.
     */
    private Condition preFilter(Need need) {
        return HELPER.STATUS.eq(HelperStatus.ACTIVE.name())
                .and(anySkillOf(need.requiredSkills()))
                .and(checkedFor(need))
                .and(load().lt(HELPER.MAX_COMMITMENTS));
    }

    /**
     * The helpers whose background check counts today when the need requires one
     * ({@link fr.cercle.model.helper.BackgroundCheck#isValidOn}): valid, dated, and younger than the
     * installation's years.
     */
    private Condition checkedFor(Need need) {
        if (!need.backgroundCheckRequired()) {
            return DSL.trueCondition();
        }
        LocalDate oldest = LocalDate.now(clock).minusYears(checkYears());
        return HELPER.BACKGROUND_CHECK_STATUS.eq(BackgroundCheckStatus.VALID.name())
                .and(HELPER.BACKGROUND_CHECK_DATE.gt(oldest));
    }

    /** The matcher of today, a background check counting the years the installation set (the alerts' setting). */
    private Matcher matcher(Function<InseeCode, Optional<Commune>> communes) {
        return new Matcher(communes, LocalDate.now(clock), checkYears());
    }

    private int checkYears() {
        return AlertRepository.settings(new LocalSettings(dsl)).backgroundCheckYears();
    }

    /**
     * The helper's load as {@link #commitments} counts it, looked up per helper kept by the conditions
     * before it (index need_helper, V20).
     */
    private static Field<Integer> load() {
        return DSL.field(DSL.selectCount().from(NEED)
                .where(NEED.HELPER_ID.eq(HELPER.ID).and(NEED.STATUS.eq(NeedStatus.MATCHED.name()))));
    }

    /**
     * Helpers with at least one of {@code skills}. The skills are a JSON array of the enum's names
     * ({@code ["PHONE_CALLS","VISITS"]}); a name with its quotes matches one element whole. The
     * underscore, a LIKE wildcard, is escaped.
     */
    private static Condition anySkillOf(Set<Skill> skills) {
        return DSL.or(skills.stream().map(NeedRepository::hasSkill).toList());
    }

    private static Condition hasSkill(Skill skill) {
        return HELPER.SKILLS.like("%\"" + skill.name().replace("_", "!_") + "\"%", '!');
    }

    /** Validates and saves the need with its file's rules; writes nothing if anything is wrong. */
    public Change save(Need need, StaffId author) {
        return writer.write(author, tx -> save(tx, need));
    }

    public Change save(WriteTransaction tx, Need need) {
        Beneficiary file = files.findWritable(need.beneficiary())
                .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "save need " + need.id()
                        + " of " + need.beneficiary()));
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = need.validate(today, BeneficiaryRules.minorOn(file.birthDate(), today));
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Need", problems);
        }
        return tx.save(Values.of(NEED_TABLE)
                .set(NEED.BENEFICIARY_ID, need.beneficiary().value())
                .set(NEED.KIND, name(need.kind()))
                .set(NEED.FREQUENCY, name(need.frequency()))
                .set(NEED.SLOTS, JsonValues.array(need.slots().stream().map(WeeklySlot::code).toList()))
                .set(NEED.EXTRA_SKILLS, enumSet(need.extraSkills()))
                .set(NEED.BACKGROUND_CHECK_REQUIRED, need.backgroundCheckRequired())
                .set(NEED.LANGUAGES, JsonValues.array(need.languages()))
                .set(NEED.STATUS, name(need.status()))
                .set(NEED.OPENED_ON, need.openedOn())
                .set(NEED.HELPER_ID, need.helper() == null ? null : need.helper().value())
                .set(NEED.MATCHED_ON, need.matchedOn())
                .set(NEED.NOTE, need.note()), need.id().value());
    }

    /**
     * Matches the need with a helper today: the caseworker's choice among the candidates. A helper the
     * matcher would never propose (inactive, no valid check where one is required, at their maximum,
     * without the skill) is refused, nothing written.
     */
    public Change assign(Need need, HelperId helper, StaffId author) {
        return writer.write(author, tx -> {
            Beneficiary file = files.find(need.beneficiary())
                    .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "match a need of " + need.beneficiary()));
            CommuneRepository communes = new CommuneRepository(dsl);
            boolean eligible = new HelperRepository(dsl, writer, clock, viewer).find(helper)
                    .flatMap(h -> matcher(communes::find).candidate(need,
                            file.address() == null ? null : file.address().commune(),
                            new Matcher.Offer(h, commitments().getOrDefault(helper, 0))))
                    .isPresent();
            if (!eligible) {
                throw new InvalidRecordException("Need", List.of(Problem.of(Need.HELPER, Rule.HELPER_NOT_ELIGIBLE)));
            }
            return save(tx, need.assign(helper, LocalDate.now(clock)));
        });
    }

    /**
     * Closes a need: met for good, or no longer needed. It leaves the helper's load and the circle;
     * who met it stays recorded.
     */
    public Change close(Need need, StaffId author) {
        return writer.write(author, tx -> save(tx, need.close()));
    }

    /** A stored need as the model's record (for the queries of other packages that read needs with their file). */
    public static Need toModel(NeedRecord r) {
        return new Need(new NeedId(r.getId()), new BeneficiaryId(r.getBeneficiaryId()), parse(NeedKind.class, r.getKind()),
                parse(Frequency.class, r.getFrequency()), new TreeSet<>(list(r.getSlots(), WeeklySlot::parse)),
                enumSet(Skill.class, r.getExtraSkills()), Boolean.TRUE.equals(r.getBackgroundCheckRequired()),
                new TreeSet<>(JsonValues.strings(r.getLanguages())), parse(NeedStatus.class, r.getStatus()),
                r.getOpenedOn(), r.getHelperId() == null ? null : new HelperId(r.getHelperId()), r.getMatchedOn(), r.getNote());
    }
}
