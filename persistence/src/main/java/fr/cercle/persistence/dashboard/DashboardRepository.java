package fr.cercle.persistence.dashboard;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Part;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.dashboard.Dashboard;
import fr.cercle.model.dashboard.DashboardLine;
import fr.cercle.model.dashboard.DashboardList;
import fr.cercle.model.dashboard.DropoutFigures;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.dashboard.MonthHours;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FILE_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.FILE_MONTH_MINUTES;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.MONTH_MINUTES;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static fr.cercle.persistence.jooq.Tables.SCHOOL_PROFILE;

/**
 * The dashboard's figures and the lists behind them, computed by the database (counts, sums and the
 * median in SQL: nothing is loaded to be counted), for the files one viewer may see:
 * <ul>
 *     <li>a caseworker or a coordinator: the files they may read ({@link BeneficiaryRepository#readableBy});
 *     each figure opens its list;</li>
 *     <li>an evaluator or an administrator who follows no one: the indicators of the whole structure,
 *     counts only ({@link Subject#INDICATORS}); the lists, which name people, are refused;</li>
 *     <li>anyone else: zeros.</li>
 * </ul>
 * Helpers are counted and listed for whoever may read helpers (or indicators, counts only).
 * The no-contact threshold is a parameter of each call, so that the alerts' thresholds (per domain,
 * configurable) can be given to it later.
 */
public final class DashboardRepository {

    private static final Field<Integer> ONE = DSL.inline(1);

    private final DSLContext dsl;
    private final Clock clock;
    private final Viewer viewer;

    public DashboardRepository(DSLContext dsl, Clock clock, Viewer viewer) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.viewer = Objects.requireNonNull(viewer, "viewer");
    }

    /** The figures of today, with the default no-contact threshold ({@value Dashboard#DEFAULT_NO_CONTACT_DAYS} days). */
    public Dashboard load() {
        return load(Dashboard.DEFAULT_NO_CONTACT_DAYS);
    }

    /** The figures of today; {@code noContactDays} is the threshold beyond which a person counts as without contact. */
    public Dashboard load(int noContactDays) {
        requireThreshold(noContactDays);
        LocalDate today = LocalDate.now(clock);

        Condition active = BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()).and(files());
        List<Field<?>> perDomain = new ArrayList<>();
        perDomain.add(DSL.count());
        for (Domain domain : Domain.values()) {
            perDomain.add(DSL.count(DSL.when(inDomain(domain), ONE)));
        }
        Record counts = dsl.select(perDomain).from(BENEFICIARY).where(active).fetchOne();
        Map<Domain, Integer> byDomain = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            byDomain.put(domain, counts.get(1 + domain.ordinal(), Integer.class));
        }

        int helpers = mayCountHelpers()
                ? dsl.fetchCount(HELPER, HELPER.STATUS.eq(HelperStatus.ACTIVE.name())) : 0;

        int unmet = dsl.fetchCount(NEED, NEED.STATUS.eq(NeedStatus.OPEN.name()).and(ofFiles(NEED.BENEFICIARY_ID)));

        Field<Integer> waited = DSL.localDateDiff(NEED.MATCHED_ON, NEED.OPENED_ON);
        Record matched = dsl.select(DSL.count(), DSL.median(waited)).from(NEED)
                .where(matchedSince(today).and(ofFiles(NEED.BENEFICIARY_ID))).fetchOne();
        BigDecimal median = matched.get(1, BigDecimal.class);

        int beyond = dsl.fetchCount(BENEFICIARY, active.and(noContact(today, noContactDays)));

        int due = dsl.fetchCount(FOLLOW_UP, followUpDue(today).and(ofFiles(FOLLOW_UP.BENEFICIARY_ID)));

        return new Dashboard(today, byDomain, counts.get(0, Integer.class), helpers, hours(today), unmet,
                matched.get(0, Integer.class), median == null ? OptionalDouble.empty() : OptionalDouble.of(median.doubleValue()),
                noContactDays, beyond, due);
    }

    /**
     * A page of the list behind a figure: {@code limit} lines from {@code offset}, in the figure's
     * order (people by name; needs by how long they waited; follow-ups by due date; this month's
     * contributions latest first).
     *
     * @param domain        for {@link Figure#ACTIVE_BENEFICIARIES}, the domain of the files; null for all
     * @param noContactDays for {@link Figure#NO_CONTACT}, the threshold in days
     * @throws AccessDeniedException if the viewer may count but not read the records (an evaluator)
     */
    public DashboardList lines(Figure figure, Domain domain, int noContactDays, int offset, int limit) {
        Objects.requireNonNull(figure, "figure");
        requireThreshold(noContactDays);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("Negative offset or limit: " + offset + ", " + limit);
        }
        if (!mayOpen(figure)) {
            throw new AccessDeniedException(viewer, figure == Figure.ACTIVE_HELPERS ? Subject.HELPER : Subject.BENEFICIARY,
                    "open the list behind " + figure);
        }
        LocalDate today = LocalDate.now(clock);
        Condition active = BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()).and(files());
        Field<String> first = BENEFICIARY.FIRST_NAME;
        Field<String> last = BENEFICIARY.LAST_NAME;
        return switch (figure) {
            case ACTIVE_BENEFICIARIES -> page(figure, BENEFICIARY,
                    domain == null ? active : active.and(inDomain(domain)),
                    List.of(BENEFICIARY.ID, first, last), List.of(last, first, BENEFICIARY.ID), offset, limit,
                    r -> new DashboardLine(r.get(BENEFICIARY.ID), name(r.get(first), r.get(last)), null, null,
                            new BeneficiaryId(r.get(BENEFICIARY.ID)), null));
            case ACTIVE_HELPERS -> page(figure, HELPER, HELPER.STATUS.eq(HelperStatus.ACTIVE.name()),
                    List.of(HELPER.ID, HELPER.FIRST_NAME, HELPER.LAST_NAME),
                    List.of(HELPER.LAST_NAME, HELPER.FIRST_NAME, HELPER.ID), offset, limit,
                    r -> new DashboardLine(r.get(HELPER.ID), name(r.get(HELPER.FIRST_NAME), r.get(HELPER.LAST_NAME)),
                            null, null, null, new HelperId(r.get(HELPER.ID))));
            case HOURS_THIS_MONTH -> page(figure, CONTRIBUTION.join(BENEFICIARY).on(BENEFICIARY.ID.eq(CONTRIBUTION.BENEFICIARY_ID)),
                    CONTRIBUTION.CONTRIBUTED_ON.ge(today.withDayOfMonth(1)).and(files()),
                    List.of(CONTRIBUTION.ID, CONTRIBUTION.BENEFICIARY_ID, CONTRIBUTION.CONTRIBUTED_ON, CONTRIBUTION.MINUTES, first, last),
                    List.of(CONTRIBUTION.CONTRIBUTED_ON.desc(), last, first, CONTRIBUTION.ID), offset, limit,
                    r -> new DashboardLine(r.get(CONTRIBUTION.ID), name(r.get(first), r.get(last)),
                            r.get(CONTRIBUTION.CONTRIBUTED_ON), r.get(CONTRIBUTION.MINUTES),
                            new BeneficiaryId(r.get(CONTRIBUTION.BENEFICIARY_ID)), null));
            case UNMET_NEEDS -> page(figure, NEED.join(BENEFICIARY).on(BENEFICIARY.ID.eq(NEED.BENEFICIARY_ID)),
                    NEED.STATUS.eq(NeedStatus.OPEN.name()).and(files()),
                    List.of(NEED.ID, NEED.BENEFICIARY_ID, NEED.OPENED_ON, first, last),
                    List.of(NEED.OPENED_ON, last, first, NEED.ID), offset, limit,
                    r -> new DashboardLine(r.get(NEED.ID), name(r.get(first), r.get(last)), r.get(NEED.OPENED_ON),
                            (int) ChronoUnit.DAYS.between(r.get(NEED.OPENED_ON), today),
                            new BeneficiaryId(r.get(NEED.BENEFICIARY_ID)), null));
            case MATCHED_NEEDS -> page(figure, NEED.join(BENEFICIARY).on(BENEFICIARY.ID.eq(NEED.BENEFICIARY_ID)),
                    matchedSince(today).and(files()),
                    List.of(NEED.ID, NEED.BENEFICIARY_ID, NEED.OPENED_ON, NEED.MATCHED_ON, first, last),
                    List.of(NEED.MATCHED_ON.desc(), last, first, NEED.ID), offset, limit,
                    r -> new DashboardLine(r.get(NEED.ID), name(r.get(first), r.get(last)), r.get(NEED.MATCHED_ON),
                            (int) ChronoUnit.DAYS.between(r.get(NEED.OPENED_ON), r.get(NEED.MATCHED_ON)),
                            new BeneficiaryId(r.get(NEED.BENEFICIARY_ID)), null));
            case NO_CONTACT -> lastContacts(page(figure, BENEFICIARY, active.and(noContact(today, noContactDays)),
                    List.of(BENEFICIARY.ID, first, last), List.of(last, first, BENEFICIARY.ID), offset, limit,
                    r -> new DashboardLine(r.get(BENEFICIARY.ID), name(r.get(first), r.get(last)), null, null,
                            new BeneficiaryId(r.get(BENEFICIARY.ID)), null)), today);
            case FOLLOW_UPS_DUE -> page(figure, FOLLOW_UP.join(BENEFICIARY).on(BENEFICIARY.ID.eq(FOLLOW_UP.BENEFICIARY_ID)),
                    followUpDue(today).and(files()),
                    List.of(FOLLOW_UP.ID, FOLLOW_UP.BENEFICIARY_ID, FOLLOW_UP.DUE_ON, first, last),
                    List.of(FOLLOW_UP.DUE_ON, last, first, FOLLOW_UP.ID), offset, limit,
                    r -> new DashboardLine(r.get(FOLLOW_UP.ID), name(r.get(first), r.get(last)), r.get(FOLLOW_UP.DUE_ON),
                            (int) ChronoUnit.DAYS.between(r.get(FOLLOW_UP.DUE_ON), today),
                            new BeneficiaryId(r.get(FOLLOW_UP.BENEFICIARY_ID)), null));
            case DROPOUT_FOLLOWED -> dropoutFollowed(null, offset, limit);
            case DROPOUT_OUTCOMES -> dropoutOutcomes(null, offset, limit);
        };
    }

    /** Whether this viewer may open the list behind the figure (it names people or helpers). */
    public boolean mayOpen(Figure figure) {
        if (figure == Figure.DROPOUT_FOLLOWED || figure == Figure.DROPOUT_OUTCOMES) {
            return mayReadSchoolParts();
        }
        return NeedToKnow.canRead(viewer, figure == Figure.ACTIVE_HELPERS ? Subject.HELPER : Subject.BENEFICIARY);
    }

    // ---- The dropout follow-up path (the school profile's), counted and listed apart from load()

    /**
     * The young people followed on the dropout path, by the last step they reached (active files with no
     * outcome yet), and the outcomes of the last {@value Dashboard#TREND_MONTHS} months: for those who see
     * the school part of the files they may read, or counts of the whole structure for a viewer who may
     * read indicators only (an evaluator); zeros for anyone else ({@link #mayCountDropout}).
     */
    public DropoutFigures dropout() {
        LocalDate today = LocalDate.now(clock);
        Condition files = schoolFiles();
        Field<String> step = lastStep();
        Map<DropoutStep, Integer> followed = new EnumMap<>(DropoutStep.class);
        dsl.select(step, DSL.count()).from(SCHOOL_PROFILE).join(BENEFICIARY).on(BENEFICIARY.ID.eq(SCHOOL_PROFILE.BENEFICIARY_ID))
                .where(onThePath().and(files)).groupBy(step)
                .forEach(r -> followed.put(DropoutStep.valueOf(r.value1()), r.value2()));
        Map<DropoutOutcome, Integer> outcomes = new EnumMap<>(DropoutOutcome.class);
        dsl.select(SCHOOL_PROFILE.OUTCOME, DSL.count()).from(SCHOOL_PROFILE).join(BENEFICIARY)
                .on(BENEFICIARY.ID.eq(SCHOOL_PROFILE.BENEFICIARY_ID))
                .where(endedSince(today).and(files)).groupBy(SCHOOL_PROFILE.OUTCOME)
                .forEach(r -> outcomes.put(DropoutOutcome.valueOf(r.value1()), r.value2()));
        return new DropoutFigures(followed, outcomes);
    }

    /** Whether the dropout figures mean something for this viewer: they see school parts, or indicators only. */
    public boolean mayCountDropout() {
        return mayReadSchoolParts()
                || !NeedToKnow.canRead(viewer, Subject.BENEFICIARY) && NeedToKnow.canRead(viewer, Subject.INDICATORS);
    }

    /**
     * The young people followed at {@code step} (at any step if null), the longest waiting first: the day
     * they reached their last step, the days since, and which step it is (the line's kind).
     *
     * @throws AccessDeniedException if the viewer does not see the school part of files (an evaluator)
     */
    public DashboardList dropoutFollowed(DropoutStep step, int offset, int limit) {
        requireSchoolParts(Figure.DROPOUT_FOLLOWED);
        LocalDate today = LocalDate.now(clock);
        Field<LocalDate> since = lastStepDay();
        Field<String> reached = lastStep().as("reached");
        Condition where = onThePath().and(schoolFiles());
        if (step != null) {
            where = where.and(lastStep().eq(step.name()));
        }
        return page(Figure.DROPOUT_FOLLOWED, SCHOOL_PROFILE.join(BENEFICIARY).on(BENEFICIARY.ID.eq(SCHOOL_PROFILE.BENEFICIARY_ID)),
                where, List.of(SCHOOL_PROFILE.ID, SCHOOL_PROFILE.BENEFICIARY_ID, since, reached, BENEFICIARY.FIRST_NAME,
                        BENEFICIARY.LAST_NAME),
                List.of(since, BENEFICIARY.LAST_NAME, BENEFICIARY.FIRST_NAME, SCHOOL_PROFILE.ID), offset, limit,
                r -> new DashboardLine(r.get(SCHOOL_PROFILE.ID), name(r.get(BENEFICIARY.FIRST_NAME), r.get(BENEFICIARY.LAST_NAME)),
                        r.get(since), (int) ChronoUnit.DAYS.between(r.get(since), today),
                        new BeneficiaryId(r.get(SCHOOL_PROFILE.BENEFICIARY_ID)), null, r.get(reached)));
    }

    /**
     * The follow-ups that ended in the last {@value Dashboard#TREND_MONTHS} months with {@code outcome}
     * (with any if null), the latest first, each with its day and outcome (the line's kind).
     *
     * @throws AccessDeniedException if the viewer does not see the school part of files (an evaluator)
     */
    public DashboardList dropoutOutcomes(DropoutOutcome outcome, int offset, int limit) {
        requireSchoolParts(Figure.DROPOUT_OUTCOMES);
        LocalDate today = LocalDate.now(clock);
        Condition where = endedSince(today).and(schoolFiles());
        if (outcome != null) {
            where = where.and(SCHOOL_PROFILE.OUTCOME.eq(outcome.name()));
        }
        return page(Figure.DROPOUT_OUTCOMES, SCHOOL_PROFILE.join(BENEFICIARY).on(BENEFICIARY.ID.eq(SCHOOL_PROFILE.BENEFICIARY_ID)),
                where, List.of(SCHOOL_PROFILE.ID, SCHOOL_PROFILE.BENEFICIARY_ID, SCHOOL_PROFILE.OUTCOME_ON,
                        SCHOOL_PROFILE.OUTCOME, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME),
                List.of(SCHOOL_PROFILE.OUTCOME_ON.desc(), BENEFICIARY.LAST_NAME, BENEFICIARY.FIRST_NAME, SCHOOL_PROFILE.ID),
                offset, limit,
                r -> new DashboardLine(r.get(SCHOOL_PROFILE.ID), name(r.get(BENEFICIARY.FIRST_NAME), r.get(BENEFICIARY.LAST_NAME)),
                        r.get(SCHOOL_PROFILE.OUTCOME_ON), null, new BeneficiaryId(r.get(SCHOOL_PROFILE.BENEFICIARY_ID)), null,
                        r.get(SCHOOL_PROFILE.OUTCOME)));
    }

    private boolean mayReadSchoolParts() {
        return NeedToKnow.canRead(viewer, Subject.BENEFICIARY) && NeedToKnow.visibleParts(viewer).contains(Part.SCHOOL);
    }

    private void requireSchoolParts(Figure figure) {
        if (!mayReadSchoolParts()) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, "open the list behind " + figure);
        }
    }

    /** The files whose school part is counted: as {@link #files()}, but none for a reader who does not see school parts. */
    private Condition schoolFiles() {
        if (NeedToKnow.canRead(viewer, Subject.BENEFICIARY)) {
            return mayReadSchoolParts() ? BeneficiaryRepository.readableBy(viewer) : DSL.falseCondition();
        }
        return NeedToKnow.canRead(viewer, Subject.INDICATORS) ? DSL.trueCondition() : DSL.falseCondition();
    }

    /** Active files that reached a step of the path and have no outcome yet. */
    private static Condition onThePath() {
        return BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()).and(SCHOOL_PROFILE.OUTCOME.isNull())
                .and(lastStepDay().isNotNull());
    }

    private static Condition endedSince(LocalDate today) {
        return SCHOOL_PROFILE.OUTCOME.isNotNull().and(SCHOOL_PROFILE.OUTCOME_ON.gt(today.minusMonths(Dashboard.TREND_MONTHS)))
                .and(SCHOOL_PROFILE.OUTCOME_ON.le(today));
    }

    /** The last step reached, as {@code DropoutPath.lastStep} tells it: the furthest with a day. */
    private static Field<String> lastStep() {
        return DSL.when(SCHOOL_PROFILE.ACCOMPANIED_ON.isNotNull(), DSL.inline(DropoutStep.ACCOMPANIED.name()))
                .when(SCHOOL_PROFILE.ASSESSED_ON.isNotNull(), DSL.inline(DropoutStep.ASSESSED.name()))
                .when(SCHOOL_PROFILE.CONTACTED_ON.isNotNull(), DSL.inline(DropoutStep.CONTACTED.name()))
                .when(SCHOOL_PROFILE.SPOTTED_ON.isNotNull(), DSL.inline(DropoutStep.SPOTTED.name()));
    }

    /** The day of the last step reached. */
    private static Field<LocalDate> lastStepDay() {
        return DSL.coalesce(SCHOOL_PROFILE.ACCOMPANIED_ON, SCHOOL_PROFILE.ASSESSED_ON, SCHOOL_PROFILE.CONTACTED_ON,
                SCHOOL_PROFILE.SPOTTED_ON);
    }

    /**
     * The minutes per month of the last {@value Dashboard#TREND_MONTHS} months, every month present, oldest
     * first: from the running totals (V19), the structure's twelve rows for whoever counts every file, the
     * files' months for a caseload.
     */
    private List<MonthHours> hours(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        YearMonth oldest = current.minusMonths(Dashboard.TREND_MONTHS - 1L);
        Map<YearMonth, Long> minutes = new HashMap<>();
        if (everyFile()) {
            dsl.select(MONTH_MINUTES.MONTH_START, MONTH_MINUTES.MINUTES).from(MONTH_MINUTES)
                    .where(MONTH_MINUTES.MONTH_START.between(oldest.atDay(1), current.atDay(1)))
                    .forEach(r -> minutes.put(YearMonth.from(r.value1()), r.value2()));
        } else {
            dsl.select(FILE_MONTH_MINUTES.MONTH_START, DSL.sum(FILE_MONTH_MINUTES.MINUTES)).from(FILE_MONTH_MINUTES)
                    .where(FILE_MONTH_MINUTES.MONTH_START.between(oldest.atDay(1), current.atDay(1))
                            .and(ofFiles(FILE_MONTH_MINUTES.BENEFICIARY_ID)))
                    .groupBy(FILE_MONTH_MINUTES.MONTH_START)
                    .forEach(r -> minutes.put(YearMonth.from(r.value1()), r.value2().longValue()));
        }
        List<MonthHours> trend = new ArrayList<>();
        for (YearMonth m = oldest; !m.isAfter(current); m = m.plusMonths(1)) {
            trend.add(new MonthHours(m, minutes.getOrDefault(m, 0L)));
        }
        return trend;
    }

    private DashboardList page(Figure figure, Table<?> from, Condition where, List<? extends SelectField<?>> columns,
                               List<? extends org.jooq.OrderField<?>> order, int offset, int limit,
                               java.util.function.Function<Record, DashboardLine> line) {
        int total = dsl.fetchCount(DSL.selectOne().from(from).where(where));
        List<DashboardLine> lines = limit == 0 || offset >= total ? List.of()
                : dsl.select(columns).from(from).where(where).orderBy(order).limit(limit).offset(offset).fetch(line::apply);
        return new DashboardList(figure, lines, offset, total);
    }

    /** The page's people, each with the day of their last contact and the days since (none if never). */
    private DashboardList lastContacts(DashboardList page, LocalDate today) {
        if (page.lines().isEmpty()) {
            return page;
        }
        List<UUID> ids = page.lines().stream().map(DashboardLine::id).toList();
        Map<UUID, LocalDate> last = new HashMap<>();
        dsl.select(FILE_ACTIVITY.BENEFICIARY_ID, FILE_ACTIVITY.LAST_CONTACT_ON).from(FILE_ACTIVITY)
                .where(FILE_ACTIVITY.BENEFICIARY_ID.in(ids).and(FILE_ACTIVITY.LAST_CONTACT_ON.isNotNull()))
                .forEach(r -> last.put(r.value1(), r.value2()));
        return new DashboardList(page.figure(), page.lines().stream().map(l -> {
            LocalDate day = last.get(l.id());
            return new DashboardLine(l.id(), l.name(), day, day == null ? null : (int) ChronoUnit.DAYS.between(day, today),
                    l.file(), l.helper());
        }).toList(), page.offset(), page.total());
    }

    /**
     * The files counted: those the viewer may read; for a viewer who may read indicators but no file,
     * every file (counts only).
     */
    private Condition files() {
        if (NeedToKnow.canRead(viewer, Subject.BENEFICIARY)) {
            return BeneficiaryRepository.readableBy(viewer);
        }
        return NeedToKnow.canRead(viewer, Subject.INDICATORS) ? DSL.trueCondition() : DSL.falseCondition();
    }

    /**
     * Records of the counted files. Whoever sees every file counts the records without looking their
     * file up (the whole structure's hours are one range of the contributions' dates).
     */
    private Condition ofFiles(Field<UUID> beneficiary) {
        if (everyFile()) {
            return DSL.trueCondition();
        }
        Select<Record1<UUID>> readable = DSL.select(BENEFICIARY.ID).from(BENEFICIARY).where(files());
        return beneficiary.in(readable);
    }

    /** Whether the viewer counts every file of the structure (a coordinator, or indicators without files). */
    private boolean everyFile() {
        return viewer.has(Role.COORDINATOR)
                || !NeedToKnow.canRead(viewer, Subject.BENEFICIARY) && NeedToKnow.canRead(viewer, Subject.INDICATORS);
    }

    private boolean mayCountHelpers() {
        return NeedToKnow.canRead(viewer, Subject.HELPER) || NeedToKnow.canRead(viewer, Subject.INDICATORS);
    }

    private static Condition inDomain(Domain domain) {
        return BENEFICIARY.DOMAINS.like("%\"" + domain.name() + "\"%");
    }

    private static Condition matchedSince(LocalDate today) {
        return NEED.MATCHED_ON.isNotNull().and(NEED.MATCHED_ON.gt(today.minusMonths(Dashboard.TREND_MONTHS)));
    }

    private static Condition followUpDue(LocalDate today) {
        return FOLLOW_UP.STATUS.eq(FollowUpStatus.OPEN.name()).and(FOLLOW_UP.DUE_ON.le(today));
    }

    /**
     * No contact made with the person in the last {@code days} days (today included), from each file's
     * last contact kept by the write path (V19): {@code NOT IN} the files contacted in those days, one
     * range of that index.
     */
    private static Condition noContact(LocalDate today, int days) {
        return BENEFICIARY.ID.notIn(DSL.select(FILE_ACTIVITY.BENEFICIARY_ID).from(FILE_ACTIVITY)
                .where(FILE_ACTIVITY.LAST_CONTACT_ON.gt(today.minusDays(days))));
    }

    private static void requireThreshold(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("A no-contact threshold is at least one day: " + days);
        }
    }

    private static String name(String first, String last) {
        return first + " " + last;
    }
}
