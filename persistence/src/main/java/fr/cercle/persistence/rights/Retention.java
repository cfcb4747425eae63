package fr.cercle.persistence.rights;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.rights.RetentionPolicy;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.time.Hlc;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Entities;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;

/**
 * Retention: which closed files are due for purging under the installation's policy (a preview a
 * coordinator reads first), and their purge, an erasure of each in one transaction.
 */
public final class Retention {

    /** The local setting that holds the number of years a closed file is kept. */
    public static final String YEARS_SETTING = "retention.years";

    /** A closed file due for purging: its name (for the preview) and the day it last changed. */
    public record Due(BeneficiaryId id, String name, LocalDate lastChange) {
    }

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;

    public Retention(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
    }

    /** The installation's policy: the years set by a coordinator, else the default. */
    public static RetentionPolicy policy(LocalSettings settings) {
        return settings.get(YEARS_SETTING).map(Integer::parseInt).map(RetentionPolicy::ofYears)
                .orElse(RetentionPolicy.defaults());
    }

    /** Sets the policy (a coordinator's decision, recorded on this installation). */
    public void setPolicy(LocalSettings settings, RetentionPolicy policy) {
        requireCoordinator("set the retention period");
        settings.put(YEARS_SETTING, Integer.toString(policy.purgeAfter().getYears()));
    }

    /**
     * The closed files this viewer may erase whose last change is older than the policy allows, the
     * oldest first. Openings do not count as changes.
     */
    public List<Due> preview(RetentionPolicy policy) {
        requireCoordinator("preview the purge");
        ZoneId zone = clock.getZone();
        LocalDate before = policy.unchangedSince(LocalDate.now(clock));
        long limit = new Hlc(before.atStartOfDay(zone).toInstant().toEpochMilli(), 0).pack();
        var lastChange = DSL.max(CHANGE_JOURNAL.HLC);
        return dsl.select(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, BENEFICIARY.REFERENT_ID,
                        BENEFICIARY.DOMAINS, lastChange)
                .from(BENEFICIARY)
                .join(CHANGE_JOURNAL).on(CHANGE_JOURNAL.ENTITY.eq(Entities.BENEFICIARY_TABLE.entity())
                        .and(CHANGE_JOURNAL.ENTITY_ID.eq(BENEFICIARY.ID)))
                .where(BENEFICIARY.STATUS.eq(BeneficiaryStatus.CLOSED.name()))
                .groupBy(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, BENEFICIARY.REFERENT_ID,
                        BENEFICIARY.DOMAINS)
                .having(lastChange.lt(limit))
                .orderBy(lastChange)
                .fetch()
                .stream()
                .filter(r -> NeedToKnow.canErase(viewer, r.value4() == null ? null : new StaffId(r.value4()),
                        Columns.enumSet(Domain.class, r.value5())))
                .map(r -> new Due(new BeneficiaryId(r.value1()), (r.value2() + " " + r.value3()).strip(),
                        LocalDateTime.ofInstant(Hlc.unpack(r.value6()).instant(), zone).toLocalDate()))
                .toList();
    }

    /**
     * Purges the files the preview showed, all or none: each is erased as a coordinator erases a
     * file. A file that is no longer due (reopened, changed since the preview) is left alone.
     *
     * @return how many files were purged
     */
    public int purge(List<Due> shown, RetentionPolicy policy, StaffId author) {
        requireCoordinator("purge closed files");
        Set<BeneficiaryId> stillDue = preview(policy).stream().map(Due::id).collect(Collectors.toSet());
        List<BeneficiaryId> ids = shown.stream().map(Due::id).filter(stillDue::contains).toList();
        writer.run(author, tx -> ids.forEach(id -> tx.delete(Entities.BENEFICIARY_TABLE, id.value())));
        return ids.size();
    }

    private void requireCoordinator(String what) {
        if (!viewer.has(Role.COORDINATOR)) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, what);
        }
    }
}
