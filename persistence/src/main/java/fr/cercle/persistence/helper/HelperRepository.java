package fr.cercle.persistence.helper;

import fr.cercle.model.common.Contact;
import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperRules;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.jooq.tables.records.HelperRecord;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.JsonValues;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.Columns.insee;
import static fr.cercle.persistence.Columns.list;
import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.COMMUNE;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.write.Entities.HELPER_TABLE;

/**
 * The roster of helpers, for the viewers {@link NeedToKnow} lets see it (caseworkers and
 * coordinators): for anyone else it is empty, and a save is refused with
 * {@link AccessDeniedException}. Every save is validated, then written with its journal entry.
 */
public final class HelperRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;

    public HelperRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
    }

    /**
     * The whole record, if this viewer may read it, for a person who opens it: the opening is
     * recorded in the audit trail. What a screen shows of a helper comes from here.
     */
    public Optional<Helper> open(HelperId id) {
        Optional<Helper> found = find(id);
        found.ifPresent(h -> new AuditTrail(dsl, writer, clock, viewer).record(AuditAction.VIEW, HELPER_TABLE, id.value()));
        return found;
    }

    /** The whole record, without recording an opening: for checks and tools (screens call {@link #open}). */
    public Optional<Helper> find(HelperId id) {
        return dsl.selectFrom(HELPER).where(HELPER.ID.eq(id.value()).and(readable())).fetchOptional(HelperRepository::toModel);
    }

    /** Every helper this viewer may see, whole: for matching them to a need. */
    public List<Helper> all() {
        return dsl.selectFrom(HELPER).where(readable()).fetchSize(2_000).fetch(HelperRepository::toModel);
    }

    public List<HelperSummary> summaries() {
        return summaryQuery(dsl).where(readable()).fetchSize(2_000).fetch(HelperRepository::toSummary);
    }

    public Optional<HelperSummary> summary(HelperId id) {
        return summaryQuery(dsl).where(HELPER.ID.eq(id.value()).and(readable())).fetchOptional(HelperRepository::toSummary);
    }

    public int count() {
        return dsl.fetchCount(HELPER, readable());
    }

    private Condition readable() {
        return NeedToKnow.canRead(viewer, Subject.HELPER) ? DSL.trueCondition() : DSL.falseCondition();
    }

    /** Validates and saves the helper; throws {@link InvalidRecordException} with every problem, writing nothing. */
    public Change save(Helper helper, StaffId author) {
        return writer.write(author, tx -> save(tx, helper));
    }

    public Change save(WriteTransaction tx, Helper helper) {
        return tx.save(checked(helper), helper.id().value());
    }

    /**
     * Creates new helpers in bulk (the spreadsheet import), in the transaction: each checked as
     * {@link #save} checks it before anything is written, then all written and journaled as
     * {@code save} would, in JDBC batches ({@link WriteTransaction#createAll}). Refused whole if one is
     * not allowed, invalid or already stored.
     */
    public List<Change> createAll(WriteTransaction tx, List<Helper> created) {
        List<WriteTransaction.Creation<HelperRecord>> creations = new java.util.ArrayList<>(created.size());
        for (Helper helper : created) {
            creations.add(new WriteTransaction.Creation<>(checked(helper), helper.id().value()));
        }
        return tx.createAll(creations);
    }

    /** The helper's values to write, once the viewer's right and the helper's rules are checked. */
    private Values<HelperRecord> checked(Helper helper) {
        if (!NeedToKnow.canWrite(viewer, Subject.HELPER)) {
            throw new AccessDeniedException(viewer, Subject.HELPER, "save helper " + helper.id());
        }
        List<Problem> problems = HelperRules.validate(helper, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Helper", problems);
        }
        return Values.of(HELPER_TABLE)
                .set(HELPER.FIRST_NAME, helper.firstName())
                .set(HELPER.LAST_NAME, helper.lastName())
                .set(HELPER.PHONE, helper.contact().phone())
                .set(HELPER.EMAIL, helper.contact().email())
                .set(HELPER.COMMUNE_INSEE, insee(helper.commune()))
                .set(HELPER.SKILLS, enumSet(helper.skills()))
                .set(HELPER.TAGS, JsonValues.array(helper.tags()))
                .set(HELPER.LANGUAGES, JsonValues.array(helper.languages()))
                .set(HELPER.AVAILABILITY, JsonValues.array(helper.availability().stream().map(WeeklySlot::code).toList()))
                .set(HELPER.MAX_COMMITMENTS, helper.maxCommitments())
                .set(HELPER.CHARTER_SIGNED_ON, helper.charterSignedOn())
                .set(HELPER.BACKGROUND_CHECK_STATUS, helper.backgroundCheck().status().name())
                .set(HELPER.BACKGROUND_CHECK_DATE, helper.backgroundCheck().date())
                .set(HELPER.STATUS, name(helper.status()));
    }

    /** A stored helper as the model's record (for the queries of other packages that read helpers, as matching does). */
    public static Helper toModel(HelperRecord r) {
        return new Helper(new HelperId(r.getId()), r.getFirstName(), r.getLastName(),
                new Contact(r.getPhone(), r.getEmail()), insee(r.getCommuneInsee()),
                enumSet(Skill.class, r.getSkills()),
                new TreeSet<>(JsonValues.strings(r.getTags())),
                new TreeSet<>(JsonValues.strings(r.getLanguages())),
                new TreeSet<>(list(r.getAvailability(), WeeklySlot::parse)),
                r.getMaxCommitments(), r.getCharterSignedOn(),
                new BackgroundCheck(parse(BackgroundCheckStatus.class, r.getBackgroundCheckStatus()), r.getBackgroundCheckDate()),
                parse(HelperStatus.class, r.getStatus()));
    }

    private static SelectOnConditionStep<Record> summaryQuery(DSLContext dsl) {
        return dsl.select(List.<SelectField<?>>of(HELPER.ID, HELPER.FIRST_NAME, HELPER.LAST_NAME, HELPER.COMMUNE_INSEE, COMMUNE.NAME,
                        COMMUNE.POSTAL_CODES, HELPER.SKILLS, HELPER.MAX_COMMITMENTS, HELPER.BACKGROUND_CHECK_STATUS,
                        HELPER.STATUS))
                .from(HELPER)
                .leftJoin(COMMUNE).on(COMMUNE.INSEE_CODE.eq(HELPER.COMMUNE_INSEE));
    }

    private static HelperSummary toSummary(Record r) {
        String postalCodes = r.get(COMMUNE.POSTAL_CODES);
        String postalCode = postalCodes == null ? null : postalCodes.split("\\|")[0];
        return new HelperSummary(new HelperId(r.get(HELPER.ID)), r.get(HELPER.FIRST_NAME), r.get(HELPER.LAST_NAME),
                insee(r.get(HELPER.COMMUNE_INSEE)), r.get(COMMUNE.NAME), postalCode,
                enumSet(Skill.class, r.get(HELPER.SKILLS)), r.get(HELPER.MAX_COMMITMENTS),
                parse(BackgroundCheckStatus.class, r.get(HELPER.BACKGROUND_CHECK_STATUS)),
                parse(HelperStatus.class, r.get(HELPER.STATUS)));
    }
}
