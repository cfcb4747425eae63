package fr.cercle.persistence.alert;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.alert.Alert;
import fr.cercle.model.alert.AlertKind;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.local.LocalSettings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.FILE_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.HELPER_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.NEED;

/**
 * The alerts of the day, as one viewer may see them: about the files they may read (a caseworker's
 * caseload, a coordinator's structure) and, for those who coordinate helpers, about the helpers.
 * Each kind is one query, never a probe per file: the last contact of each file and the last
 * contribution of each helper are running totals kept by the write path (V19), not read from the
 * contributions.
 * <p>
 * The thresholds are the installation's {@link AlertSettings}, kept in its local settings and changed
 * by an administrator.
 */
public final class AlertRepository {

    /** The prefix of the local settings that hold the thresholds ({@code alerts.noContactDays.ELDERLY}...). */
    public static final String SETTINGS_PREFIX = "alerts.";

    private final DSLContext dsl;
    private final Clock clock;
    private final Viewer viewer;

    public AlertRepository(DSLContext dsl, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.clock = clock;
        this.viewer = viewer;
    }

    /** The installation's thresholds: those an administrator set, the defaults for the others. */
    public static AlertSettings settings(LocalSettings settings) {
        AlertSettings defaults = AlertSettings.defaults();
        Map<Domain, Integer> noContact = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            noContact.put(domain, number(settings, AlertSettings.noContactField(domain), defaults.noContactDays(domain)));
        }
        return new AlertSettings(noContact,
                number(settings, AlertSettings.NEED_UNMET_DAYS, defaults.needUnmetDays()),
                number(settings, AlertSettings.HELPER_INACTIVE_DAYS, defaults.helperInactiveDays()),
                number(settings, AlertSettings.CONSENT_YEARS, defaults.consentYears()),
                number(settings, AlertSettings.BACKGROUND_CHECK_YEARS, defaults.backgroundCheckYears()),
                number(settings, AlertSettings.EXPIRY_NOTICE_DAYS, defaults.expiryNoticeDays()));
    }

    /**
     * Records the thresholds on this installation: an administrator's decision. Nothing is written if
     * one value is out of its range.
     *
     * @throws AccessDeniedException  unless the viewer is an administrator
     * @throws InvalidRecordException with every value out of range
     */
    public void saveSettings(LocalSettings settings, AlertSettings chosen) {
        if (!viewer.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException(viewer, Subject.ACCOUNTS, "set the alert thresholds");
        }
        List<Problem> problems = chosen.validate();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("AlertSettings", problems);
        }
        dsl.transaction(tx -> {
            LocalSettings inTx = new LocalSettings(tx.dsl());
            for (Domain domain : Domain.values()) {
                put(inTx, AlertSettings.noContactField(domain), chosen.noContactDays(domain));
            }
            put(inTx, AlertSettings.NEED_UNMET_DAYS, chosen.needUnmetDays());
            put(inTx, AlertSettings.HELPER_INACTIVE_DAYS, chosen.helperInactiveDays());
            put(inTx, AlertSettings.CONSENT_YEARS, chosen.consentYears());
            put(inTx, AlertSettings.BACKGROUND_CHECK_YEARS, chosen.backgroundCheckYears());
            put(inTx, AlertSettings.EXPIRY_NOTICE_DAYS, chosen.expiryNoticeDays());
        });
    }

    /**
     * Every alert on {@code today}: by kind (in {@link AlertKind}'s order), then the oldest first (for an
     * expiry, the nearest end first), then by name.
     */
    public List<Alert> current(AlertSettings settings, LocalDate today) {
        List<Alert> alerts = new ArrayList<>();
        boolean files = NeedToKnow.canRead(viewer, Subject.BENEFICIARY);
        if (files) {
            alerts.addAll(noContact(settings, today));
            alerts.addAll(followUpsOverdue(today));
            alerts.addAll(needsUnmet(settings, today));
        }
        if (NeedToKnow.canRead(viewer, Subject.HELPER)) {
            alerts.addAll(helpersInactive(settings, today));
        }
        if (files) {
            alerts.addAll(consentsExpiring(settings, today));
        }
        if (NeedToKnow.canRead(viewer, Subject.HELPER)) {
            alerts.addAll(checksExpiring(settings, today));
        }
        alerts.sort(Comparator.comparing(Alert::kind).thenComparing(Alert::since).thenComparing(Alert::name));
        return alerts;
    }

    /**
     * Who counts as an isolated elderly person, for the elderly threshold (the hook for "lives alone").
     * The file does not yet say whether the person lives alone: every file of the elderly domain counts.
     * When the elderly profile records it, this is where "and lives alone" goes; the others then take
     * their other domains' threshold, or {@link AlertSettings#OTHERWISE_DAYS}.
     */
    static boolean isolatedElderly(Set<Domain> domains) {
        return domains.contains(Domain.ELDERLY);
    }

    /** The domains whose thresholds apply to a file: the elderly one only for an isolated elderly person. */
    private static Set<Domain> thresholdDomains(Set<Domain> domains) {
        if (domains.contains(Domain.ELDERLY) && !isolatedElderly(domains)) {
            Set<Domain> others = EnumSet.copyOf(domains);
            others.remove(Domain.ELDERLY);
            return others;
        }
        return domains;
    }

    /**
     * Active files nobody reached since their threshold's start, among those older than it: one read of
     * the active files with their last contact, kept by the write path (V19), never the contributions
     * themselves. The database keeps the files not reached within the shortest threshold; the file's
     * own threshold (its domains') decides. A file never reached counts from the day it was recorded.
     */
    private List<Alert> noContact(AlertSettings settings, LocalDate today) {
        LocalDate shortest = today.minusDays(Arrays.stream(Domain.values())
                .mapToInt(settings::noContactDays).min().orElse(AlertSettings.ISOLATED_ELDERLY_DAYS));
        List<Alert> alerts = new ArrayList<>();
        dsl.select(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, BENEFICIARY.DOMAINS,
                        BENEFICIARY.CREATED_AT, FILE_ACTIVITY.LAST_CONTACT_ON)
                .from(BENEFICIARY)
                .leftJoin(FILE_ACTIVITY).on(FILE_ACTIVITY.BENEFICIARY_ID.eq(BENEFICIARY.ID))
                .where(BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()))
                .and(BeneficiaryRepository.readableBy(viewer))
                .and(BENEFICIARY.CREATED_AT.lt(startOf(shortest)))
                .and(FILE_ACTIVITY.LAST_CONTACT_ON.isNull().or(FILE_ACTIVITY.LAST_CONTACT_ON.lt(shortest)))
                .fetchSize(5_000)
                .forEach(r -> {
                    LocalDate from = today.minusDays(settings.noContactDays(thresholdDomains(enumSet(Domain.class, r.value4()))));
                    LocalDate last = r.value6();
                    LocalDate made = day(r.value5());
                    if ((last != null && !last.isBefore(from)) || !made.isBefore(from)) {
                        return;
                    }
                    BeneficiaryId file = new BeneficiaryId(r.value1());
                    String name = name(r.value2(), r.value3());
                    alerts.add(last != null ? Alert.aboutFile(AlertKind.NO_CONTACT, file, name, last)
                            : Alert.neverReached(file, name, made));
                });
        return alerts;
    }

    /** Files with follow-ups still open after their due date: one alert per file, from the oldest due date. */
    private List<Alert> followUpsOverdue(LocalDate today) {
        Field<LocalDate> due = DSL.min(FOLLOW_UP.DUE_ON);
        return dsl.select(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, due)
                .from(FOLLOW_UP).join(BENEFICIARY).on(BENEFICIARY.ID.eq(FOLLOW_UP.BENEFICIARY_ID))
                .where(FOLLOW_UP.STATUS.eq(FollowUpStatus.OPEN.name()))
                .and(FOLLOW_UP.DUE_ON.lt(today))
                .and(BENEFICIARY.STATUS.ne(BeneficiaryStatus.CLOSED.name()))
                .and(BeneficiaryRepository.readableBy(viewer))
                .groupBy(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME)
                .fetch(r -> Alert.aboutFile(AlertKind.FOLLOW_UP_OVERDUE, new BeneficiaryId(r.value1()),
                        name(r.value2(), r.value3()), r.value4()));
    }

    /** Needs of active files open for longer than the threshold: one alert per need, with its kind. */
    private List<Alert> needsUnmet(AlertSettings settings, LocalDate today) {
        return dsl.select(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, NEED.OPENED_ON, NEED.KIND)
                .from(NEED).join(BENEFICIARY).on(BENEFICIARY.ID.eq(NEED.BENEFICIARY_ID))
                .where(NEED.STATUS.eq(NeedStatus.OPEN.name()))
                .and(NEED.OPENED_ON.le(today.minusDays(settings.needUnmetDays())))
                .and(BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()))
                .and(BeneficiaryRepository.readableBy(viewer))
                .fetch(r -> new Alert(AlertKind.NEED_UNMET, new BeneficiaryId(r.value1()), null, name(r.value2(), r.value3()),
                        r.value4(), parse(NeedKind.class, r.value5()), false));
    }

    /**
     * Active helpers, recorded before the threshold's start, with no contribution since: one read of the
     * active helpers with their last contribution, kept by the write path (V19). A helper who never
     * contributed counts from the day they were recorded.
     */
    private List<Alert> helpersInactive(AlertSettings settings, LocalDate today) {
        LocalDate from = today.minusDays(settings.helperInactiveDays());
        return dsl.select(HELPER.ID, HELPER.FIRST_NAME, HELPER.LAST_NAME, HELPER.CREATED_AT,
                        HELPER_ACTIVITY.LAST_CONTRIBUTION_ON)
                .from(HELPER)
                .leftJoin(HELPER_ACTIVITY).on(HELPER_ACTIVITY.HELPER_ID.eq(HELPER.ID))
                .where(HELPER.STATUS.eq(HelperStatus.ACTIVE.name()))
                .and(HELPER.CREATED_AT.lt(startOf(from)))
                .and(HELPER_ACTIVITY.LAST_CONTRIBUTION_ON.isNull().or(HELPER_ACTIVITY.LAST_CONTRIBUTION_ON.lt(from)))
                .fetchSize(5_000)
                .fetch(r -> Alert.aboutHelper(AlertKind.HELPER_INACTIVE, new HelperId(r.value1()),
                        name(r.value2(), r.value3()), r.value5() != null ? r.value5() : day(r.value4())));
    }

    /**
     * Consents of active files that end within the notice or have ended ({@link AlertSettings#consentEnds}):
     * the database keeps those given long enough ago or while the person was a minor close to their
     * majority; the model says the day each ends.
     */
    private List<Alert> consentsExpiring(AlertSettings settings, LocalDate today) {
        LocalDate horizon = today.plusDays(settings.expiryNoticeDays());
        Condition old = BENEFICIARY.CONSENT_DATE.le(horizon.minusYears(settings.consentYears()));
        Condition minorComingOfAge = DSL.localDateAdd(BENEFICIARY.BIRTH_DATE, BeneficiaryRules.AGE_OF_MAJORITY, DatePart.YEAR)
                .gt(BENEFICIARY.CONSENT_DATE)
                .and(BENEFICIARY.BIRTH_DATE.le(horizon.minusYears(BeneficiaryRules.AGE_OF_MAJORITY)));
        return dsl.select(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, BENEFICIARY.BIRTH_DATE,
                        BENEFICIARY.CONSENT_DATE)
                .from(BENEFICIARY)
                .where(BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name()))
                .and(BeneficiaryRepository.readableBy(viewer))
                .and(BENEFICIARY.CONSENT_DATE.isNotNull())
                .and(BENEFICIARY.CONSENT_WITHDRAWN_ON.isNull())
                .and(old.or(minorComingOfAge))
                .fetch().stream()
                .flatMap(r -> settings.consentEnds(new Consent(r.value5(), null, null), r.value4())
                        .filter(end -> settings.aboutToExpire(end, today)).stream()
                        .map(end -> Alert.aboutFile(AlertKind.CONSENT_EXPIRING, new BeneficiaryId(r.value1()),
                                name(r.value2(), r.value3()), end)))
                .toList();
    }

    /** Valid background checks of helpers who have not left, ending within the notice or ended. */
    private List<Alert> checksExpiring(AlertSettings settings, LocalDate today) {
        LocalDate horizon = today.plusDays(settings.expiryNoticeDays());
        return dsl.select(HELPER.ID, HELPER.FIRST_NAME, HELPER.LAST_NAME, HELPER.BACKGROUND_CHECK_DATE)
                .from(HELPER)
                .where(HELPER.STATUS.ne(HelperStatus.LEFT.name()))
                .and(HELPER.BACKGROUND_CHECK_STATUS.eq(BackgroundCheckStatus.VALID.name()))
                .and(HELPER.BACKGROUND_CHECK_DATE.le(horizon.minusYears(settings.backgroundCheckYears())))
                .fetch().stream()
                .flatMap(r -> settings.backgroundCheckEnds(new BackgroundCheck(BackgroundCheckStatus.VALID, r.value4()))
                        .filter(end -> settings.aboutToExpire(end, today)).stream()
                        .map(end -> Alert.aboutHelper(AlertKind.BACKGROUND_CHECK_EXPIRING, new HelperId(r.value1()),
                                name(r.value2(), r.value3()), end)))
                .toList();
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private LocalDate day(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private static String name(String first, String last) {
        return first + " " + last;
    }

    private static int number(LocalSettings settings, String field, int otherwise) {
        return settings.get(SETTINGS_PREFIX + field).map(value -> {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }).orElse(otherwise);
    }

    private static void put(LocalSettings settings, String field, int value) {
        settings.put(SETTINGS_PREFIX + field, Integer.toString(value));
    }
}
