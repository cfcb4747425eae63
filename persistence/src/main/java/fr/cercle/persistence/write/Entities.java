package fr.cercle.persistence.write;

import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.CallStep;
import fr.cercle.model.heatwave.CallerKind;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.persistence.jooq.tables.records.AuditEventRecord;
import fr.cercle.persistence.jooq.tables.records.BeneficiaryRecord;
import fr.cercle.persistence.jooq.tables.records.ContributionRecord;
import fr.cercle.persistence.jooq.tables.records.ElderlyProfileRecord;
import fr.cercle.persistence.jooq.tables.records.HealthProfileRecord;
import fr.cercle.persistence.jooq.tables.records.SchoolProfileRecord;
import fr.cercle.persistence.jooq.tables.records.FollowUpRecord;
import fr.cercle.persistence.jooq.tables.records.HeatwaveCallRecord;
import fr.cercle.persistence.jooq.tables.records.HeatwaveCampaignRecord;
import fr.cercle.persistence.jooq.tables.records.HelperRecord;
import fr.cercle.persistence.jooq.tables.records.InstallationRecord;
import fr.cercle.persistence.jooq.tables.records.NeedRecord;
import fr.cercle.persistence.jooq.tables.records.StaffMemberRecord;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.AUDIT_EVENT;
import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE;
import static fr.cercle.persistence.jooq.Tables.HEALTH_PROFILE;
import static fr.cercle.persistence.jooq.Tables.SCHOOL_PROFILE;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CAMPAIGN;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.INSTALLATION;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;

/**
 * Every synced entity, by its name in the journal. A new synced table is added here, and only here,
 * with the rules of its values that the exchange format checks (docs/exchange-format.md).
 */
public final class Entities {

    /** A commune by its official code, as {@link InseeCode} reads it back. */
    public static final TextRule INSEE_CODE =
            TextRule.form(InseeCode::isValid, "an INSEE commune code (2 digits, 2A or 2B, then 3 digits)");
    /** A cell of the weekly availability grid, as {@link WeeklySlot#code()} writes it: MONDAY_MORNING… */
    public static final TextRule WEEKLY_SLOT = TextRule.oneOf(Arrays.stream(DayOfWeek.values())
            .flatMap(day -> Arrays.stream(DayPart.values()).map(part -> new WeeklySlot(day, part).code()))
            .toList());

    public static final EntityTable<InstallationRecord> INSTALLATION_TABLE =
            EntityTable.of("installation", INSTALLATION, INSTALLATION.DEVICE_ID, Set.of(), Set.of(),
                    Map.of(INSTALLATION.STRUCTURE_KIND, TextRule.oneOf(StructureKind.class),
                            INSTALLATION.STRUCTURE_COMMUNE, INSEE_CODE));
    public static final EntityTable<StaffMemberRecord> STAFF_MEMBER_TABLE =
            EntityTable.of("staff_member", STAFF_MEMBER, STAFF_MEMBER.ID, Set.of(STAFF_MEMBER.DOMAINS),
                    Set.of(STAFF_MEMBER.ACTIVE),
                    Map.of(STAFF_MEMBER.DOMAINS, TextRule.oneOf(Domain.class)));
    public static final EntityTable<BeneficiaryRecord> BENEFICIARY_TABLE =
            EntityTable.of("beneficiary", BENEFICIARY, BENEFICIARY.ID, Set.of(BENEFICIARY.DOMAINS),
                    Set.of(BENEFICIARY.STATUS, BENEFICIARY.REFERENT_ID, BENEFICIARY.DOMAINS, BENEFICIARY.CONSENT_DATE,
                            BENEFICIARY.CONSENT_SCOPE, BENEFICIARY.CONSENT_METHOD, BENEFICIARY.SITUATION,
                            BENEFICIARY.CONSENT_GUARDIAN, BENEFICIARY.CONSENT_WITHDRAWN_ON),
                    Map.of(BENEFICIARY.COMMUNE_INSEE, INSEE_CODE,
                            BENEFICIARY.DOMAINS, TextRule.oneOf(Domain.class),
                            BENEFICIARY.STATUS, TextRule.oneOf(BeneficiaryStatus.class),
                            BENEFICIARY.CONSENT_SCOPE, TextRule.oneOf(ConsentScope.class),
                            BENEFICIARY.CONSENT_METHOD, TextRule.oneOf(ConsentMethod.class)),
                    Set.of(BENEFICIARY.CONSENT_GUARDIAN, BENEFICIARY.CONSENT_WITHDRAWN_ON));
    public static final EntityTable<HelperRecord> HELPER_TABLE =
            EntityTable.of("helper", HELPER, HELPER.ID,
                    Set.of(HELPER.SKILLS, HELPER.TAGS, HELPER.LANGUAGES, HELPER.AVAILABILITY),
                    Set.of(HELPER.STATUS, HELPER.BACKGROUND_CHECK_STATUS, HELPER.BACKGROUND_CHECK_DATE),
                    Map.of(HELPER.COMMUNE_INSEE, INSEE_CODE,
                            HELPER.SKILLS, TextRule.oneOf(Skill.class),
                            HELPER.AVAILABILITY, WEEKLY_SLOT,
                            HELPER.BACKGROUND_CHECK_STATUS, TextRule.oneOf(BackgroundCheckStatus.class),
                            HELPER.STATUS, TextRule.oneOf(HelperStatus.class)));

    /** What a person needs help for, and who meets it (V11__needs.sql). */
    public static final EntityTable<NeedRecord> NEED_TABLE =
            EntityTable.of("need", NEED, NEED.ID, Set.of(NEED.SLOTS, NEED.EXTRA_SKILLS, NEED.LANGUAGES),
                    Set.of(NEED.STATUS, NEED.HELPER_ID, NEED.MATCHED_ON),
                    Map.of(NEED.KIND, TextRule.oneOf(NeedKind.class),
                            NEED.FREQUENCY, TextRule.oneOf(Frequency.class),
                            NEED.SLOTS, WEEKLY_SLOT,
                            NEED.EXTRA_SKILLS, TextRule.oneOf(Skill.class),
                            NEED.STATUS, TextRule.oneOf(NeedStatus.class)));

    /** A helper's visit, call, session or errand for a person (V13__contributions.sql). */
    public static final EntityTable<ContributionRecord> CONTRIBUTION_TABLE =
            EntityTable.of("contribution", CONTRIBUTION, CONTRIBUTION.ID, Set.of(), Set.of(),
                    Map.of(CONTRIBUTION.KIND, TextRule.oneOf(ContributionKind.class),
                            CONTRIBUTION.MEDIUM, TextRule.oneOf(Medium.class)));
    /** Something a referent must look into, opened by a concern (V13__contributions.sql). */
    public static final EntityTable<FollowUpRecord> FOLLOW_UP_TABLE =
            EntityTable.of("follow_up", FOLLOW_UP, FOLLOW_UP.ID, Set.of(), Set.of(FOLLOW_UP.STATUS, FOLLOW_UP.DONE_ON),
                    Map.of(FOLLOW_UP.STATUS, TextRule.oneOf(FollowUpStatus.class)));

    /** An AGGIR grid as {@link fr.cercle.model.autonomy.AggirGrid#code()} writes it: ten letters A, B or C. */
    public static final TextRule AGGIR_CODE =
            TextRule.form(code -> code.matches("[ABC]{10}"), "ten letters A, B or C (the AGGIR variables in order)");

    /** The elderly part of a file: AGGIR, APA, the heatwave register (V14__domain_profiles.sql). */
    public static final EntityTable<ElderlyProfileRecord> ELDERLY_PROFILE_TABLE =
            EntityTable.of("elderly_profile", ELDERLY_PROFILE, ELDERLY_PROFILE.ID, Set.of(),
                    Set.of(ELDERLY_PROFILE.AGGIR, ELDERLY_PROFILE.ASSESSED_ON, ELDERLY_PROFILE.APA_STATUS,
                            ELDERLY_PROFILE.HEATWAVE_REGISTERED_ON),
                    Map.of(ELDERLY_PROFILE.AGGIR, AGGIR_CODE,
                            ELDERLY_PROFILE.APA_STATUS, TextRule.oneOf(ApaStatus.class),
                            ELDERLY_PROFILE.HEATWAVE_REQUESTED_BY, TextRule.oneOf(HeatwaveRequester.class),
                            ELDERLY_PROFILE.HEATWAVE_CAPACITY, TextRule.oneOf(HeatwaveCapacity.class)));
    /** The health part of a file: conditions, care contacts, therapeutic education (V14__domain_profiles.sql). */
    public static final EntityTable<HealthProfileRecord> HEALTH_PROFILE_TABLE =
            EntityTable.of("health_profile", HEALTH_PROFILE, HEALTH_PROFILE.ID, Set.of(HEALTH_PROFILE.CONDITIONS),
                    Set.of(HEALTH_PROFILE.EDUCATION_STAGE),
                    Map.of(HEALTH_PROFILE.CONDITIONS, TextRule.oneOf(ChronicCondition.class),
                            HEALTH_PROFILE.EDUCATION_STAGE, TextRule.oneOf(EducationStage.class)));
    /** The school part of a file: school, absences, the dropout path, parental consent (V14__domain_profiles.sql). */
    public static final EntityTable<SchoolProfileRecord> SCHOOL_PROFILE_TABLE =
            EntityTable.of("school_profile", SCHOOL_PROFILE, SCHOOL_PROFILE.ID, Set.of(),
                    Set.of(SCHOOL_PROFILE.OUTCOME, SCHOOL_PROFILE.OUTCOME_ON, SCHOOL_PROFILE.PARENTAL_CONSENT_DATE),
                    Map.of(SCHOOL_PROFILE.OUTCOME, TextRule.oneOf(DropoutOutcome.class)));

    /** A heatwave alert period declared by the town hall (V18__heatwave.sql). */
    public static final EntityTable<HeatwaveCampaignRecord> HEATWAVE_CAMPAIGN_TABLE =
            EntityTable.of("heatwave_campaign", HEATWAVE_CAMPAIGN, HEATWAVE_CAMPAIGN.ID, Set.of(),
                    Set.of(HEATWAVE_CAMPAIGN.ENDS_ON, HEATWAVE_CAMPAIGN.CLOSED_ON),
                    Map.of(HEATWAVE_CAMPAIGN.LEVEL, TextRule.oneOf(AlertLevel.class)));
    /** One step of reaching a registered person during a campaign, and what it found (V18__heatwave.sql). */
    public static final EntityTable<HeatwaveCallRecord> HEATWAVE_CALL_TABLE =
            EntityTable.of("heatwave_call", HEATWAVE_CALL, HEATWAVE_CALL.ID, Set.of(),
                    Set.of(HEATWAVE_CALL.OUTCOME, HEATWAVE_CALL.DONE_ON),
                    Map.of(HEATWAVE_CALL.CALLER_KIND, TextRule.oneOf(CallerKind.class),
                            HEATWAVE_CALL.STEP, TextRule.oneOf(CallStep.class),
                            HEATWAVE_CALL.OUTCOME, TextRule.oneOf(CallOutcome.class)));

    /**
     * Who opened or exported which record, or exported which list: append-only (V6__audit_trail.sql;
     * the list's fields V22__list_exports_audit.sql, schema version 5).
     */
    public static final EntityTable<AuditEventRecord> AUDIT_EVENT_TABLE =
            EntityTable.appendOnly("audit_event", AUDIT_EVENT, AUDIT_EVENT.ID,
                    Map.of(AUDIT_EVENT.ACTION, TextRule.oneOf(List.of(AuditAction.VIEW.name(), AuditAction.EXPORT.name())),
                            AUDIT_EVENT.SUBJECT_ENTITY, TextRule.oneOf(List.of("beneficiary", "helper", "staff_member", "list"))),
                    Set.of(AUDIT_EVENT.LIST_NAME, AUDIT_EVENT.LIST_LINES, AUDIT_EVENT.LIST_FILTER, AUDIT_EVENT.FILE_NAME));

    private static final List<EntityTable<?>> ALL =
            List.of(INSTALLATION_TABLE, STAFF_MEMBER_TABLE, BENEFICIARY_TABLE, HELPER_TABLE, AUDIT_EVENT_TABLE, NEED_TABLE,
                    CONTRIBUTION_TABLE, FOLLOW_UP_TABLE, ELDERLY_PROFILE_TABLE, HEALTH_PROFILE_TABLE, SCHOOL_PROFILE_TABLE,
                    HEATWAVE_CAMPAIGN_TABLE, HEATWAVE_CALL_TABLE);
    private static final Map<String, EntityTable<?>> BY_NAME =
            ALL.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(EntityTable::entity, t -> t));

    private Entities() {
    }

    public static List<EntityTable<?>> all() {
        return ALL;
    }

    /** The synced entity with this name in the journal and the exchange format. */
    public static java.util.Optional<EntityTable<?>> byName(String entity) {
        return java.util.Optional.ofNullable(BY_NAME.get(entity));
    }
}
