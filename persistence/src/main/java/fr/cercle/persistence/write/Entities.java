package fr.cercle.persistence.write;

import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.installation.StructureKind;

import fr.cercle.persistence.jooq.tables.records.BeneficiaryRecord;
import fr.cercle.persistence.jooq.tables.records.HelperRecord;
import fr.cercle.persistence.jooq.tables.records.InstallationRecord;
import fr.cercle.persistence.jooq.tables.records.StaffMemberRecord;

import java.util.List;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.INSTALLATION;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;

/** Every synced entity, by its name in the journal. A new synced table is added here, and only here. */
public final class Entities {

    private static final String INSEE = "an INSEE commune code";

    public static final EntityTable<InstallationRecord> INSTALLATION_TABLE =
            EntityTable.of("installation", INSTALLATION, INSTALLATION.DEVICE_ID, Set.of(), Set.of())
                    .allow(INSTALLATION.STRUCTURE_KIND, StructureKind.class)
                    .allow(INSTALLATION.STRUCTURE_COMMUNE, INSEE, InseeCode::isValid);
    public static final EntityTable<StaffMemberRecord> STAFF_MEMBER_TABLE =
            EntityTable.of("staff_member", STAFF_MEMBER, STAFF_MEMBER.ID, Set.of(STAFF_MEMBER.DOMAINS),
                    Set.of(STAFF_MEMBER.ACTIVE))
                    .allow(STAFF_MEMBER.DOMAINS, Domain.class);
    public static final EntityTable<BeneficiaryRecord> BENEFICIARY_TABLE =
            EntityTable.of("beneficiary", BENEFICIARY, BENEFICIARY.ID, Set.of(BENEFICIARY.DOMAINS),
                    Set.of(BENEFICIARY.STATUS, BENEFICIARY.REFERENT_ID, BENEFICIARY.DOMAINS, BENEFICIARY.CONSENT_DATE,
                            BENEFICIARY.CONSENT_SCOPE, BENEFICIARY.CONSENT_METHOD, BENEFICIARY.SITUATION))
                    .allow(BENEFICIARY.DOMAINS, Domain.class)
                    .allow(BENEFICIARY.STATUS, BeneficiaryStatus.class)
                    .allow(BENEFICIARY.CONSENT_SCOPE, ConsentScope.class)
                    .allow(BENEFICIARY.CONSENT_METHOD, ConsentMethod.class)
                    .allow(BENEFICIARY.COMMUNE_INSEE, INSEE, InseeCode::isValid);
    public static final EntityTable<HelperRecord> HELPER_TABLE =
            EntityTable.of("helper", HELPER, HELPER.ID,
                    Set.of(HELPER.SKILLS, HELPER.TAGS, HELPER.LANGUAGES, HELPER.AVAILABILITY),
                    Set.of(HELPER.STATUS, HELPER.BACKGROUND_CHECK_STATUS, HELPER.BACKGROUND_CHECK_DATE))
                    .allow(HELPER.SKILLS, Skill.class)
                    .allow(HELPER.AVAILABILITY, "a weekly slot such as MONDAY_MORNING", Entities::isWeeklySlot)
                    .allow(HELPER.STATUS, HelperStatus.class)
                    .allow(HELPER.BACKGROUND_CHECK_STATUS, BackgroundCheckStatus.class)
                    .allow(HELPER.COMMUNE_INSEE, INSEE, InseeCode::isValid);

    private Entities() {
    }

    private static boolean isWeeklySlot(String code) {
        try {
            WeeklySlot.parse(code);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static List<EntityTable<?>> all() {
        return List.of(INSTALLATION_TABLE, STAFF_MEMBER_TABLE, BENEFICIARY_TABLE, HELPER_TABLE);
    }

    /** The synced entity with this name in the journal and the exchange format. */
    public static java.util.Optional<EntityTable<?>> byName(String entity) {
        return all().stream().filter(t -> t.entity().equals(entity)).findFirst();
    }
}
