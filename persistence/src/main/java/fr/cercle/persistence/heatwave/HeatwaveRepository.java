package fr.cercle.persistence.heatwave;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.CallList;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.CallStep;
import fr.cercle.model.heatwave.Caller;
import fr.cercle.model.heatwave.CallerKind;
import fr.cercle.model.heatwave.Campaign;
import fr.cercle.model.heatwave.CampaignCall;
import fr.cercle.model.heatwave.CampaignId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.jooq.tables.records.HeatwaveCallRecord;
import fr.cercle.persistence.jooq.tables.records.HeatwaveCampaignRecord;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL;
import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CAMPAIGN;
import static fr.cercle.persistence.write.Entities.HEATWAVE_CALL_TABLE;
import static fr.cercle.persistence.write.Entities.HEATWAVE_CAMPAIGN_TABLE;

/**
 * The town hall's heatwave register and its campaigns: the people registered (among the files the
 * viewer may read, when they see the elderly part), the alert period declared, each round of calls
 * spread over the helpers who make calls and the staff member who starts it (by hand, or by itself
 * when the alert level's rhythm makes one due), each outcome, the escalation of an unreachable person
 * in the same transaction as the outcome, and the register's export, traced in the audit trail.
 */
public final class HeatwaveRepository {

    /** How many people a helper is given to call in a round. */
    public static final int HELPER_CALLS = 8;
    /** How many people the staff member who starts a round takes, before the load is shared again. */
    public static final int STAFF_CALLS = 15;

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;
    private final BeneficiaryRepository files;

    public HeatwaveRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
        this.files = new BeneficiaryRepository(dsl, writer, clock, viewer);
    }

    /** A person of the register with what the register holds about them. */
    public record Entry(Beneficiary person, ElderlyProfile profile) {
    }

    /**
     * The register: the people not closed whose file the viewer may read, with an elderly profile
     * registered; by name. Empty for a viewer who does not see the elderly part of files.
     */
    public List<Entry> register() {
        if (!NeedToKnow.visibleParts(viewer).contains(ElderlyProfile.PART)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        // One query: the files and their profiles together, under the files' rule.
        dsl.select(BENEFICIARY.fields()).select(ELDERLY_PROFILE.fields()).from(ELDERLY_PROFILE)
                .join(BENEFICIARY).on(BENEFICIARY.ID.eq(ELDERLY_PROFILE.BENEFICIARY_ID))
                .where(ELDERLY_PROFILE.HEATWAVE_REGISTERED_ON.isNotNull()
                        .and(BENEFICIARY.STATUS.ne(BeneficiaryStatus.CLOSED.name()))
                        .and(BeneficiaryRepository.readableBy(viewer)))
                .orderBy(BENEFICIARY.LAST_NAME, BENEFICIARY.FIRST_NAME)
                .forEach(r -> {
                    Beneficiary person = BeneficiaryRepository.toModel(r.into(BENEFICIARY));
                    if (NeedToKnow.canRead(viewer, person.referent(), person.domains())) {
                        entries.add(new Entry(person, ProfileRepository.toModel(r.into(ELDERLY_PROFILE))));
                    }
                });
        return entries;
    }

    /**
     * The register as it is taken out of Cercle (for the prefecture, as a file), and one export line
     * per person in the audit trail, all written in one transaction before the register is returned:
     * an export that is not traced does not happen, and each person's right of access tells it.
     */
    public List<Entry> exportRegister(StaffId author) {
        List<Entry> entries = register();
        if (!entries.isEmpty()) {
            writer.run(author, tx -> entries.forEach(e ->
                    AuditTrail.record(tx, AuditAction.EXPORT, Entities.BENEFICIARY_TABLE, e.person().id().value())));
        }
        return entries;
    }

    /** The campaign open now, if any (the latest declared). */
    public Optional<Campaign> current() {
        return dsl.selectFrom(HEATWAVE_CAMPAIGN).where(HEATWAVE_CAMPAIGN.CLOSED_ON.isNull())
                .orderBy(HEATWAVE_CAMPAIGN.STARTS_ON.desc()).limit(1).fetchOptional(HeatwaveRepository::toModel);
    }

    /** Every campaign, the latest first. */
    public List<Campaign> campaigns() {
        return dsl.selectFrom(HEATWAVE_CAMPAIGN).orderBy(HEATWAVE_CAMPAIGN.STARTS_ON.desc())
                .fetch(HeatwaveRepository::toModel);
    }

    /** Declares an alert period; refused while another campaign is open, or when something must be fixed. */
    public Change declare(Campaign campaign, StaffId author) {
        requireCaseWork("declare a heatwave campaign");
        return writer.write(author, tx -> {
            List<Problem> problems = new ArrayList<>(campaign.validate(LocalDate.now(clock)));
            if (tx.read().fetchExists(HEATWAVE_CAMPAIGN, HEATWAVE_CAMPAIGN.CLOSED_ON.isNull()
                    .and(HEATWAVE_CAMPAIGN.ID.ne(campaign.id().value())))) {
                problems.add(Problem.of(Campaign.STARTS_ON, Rule.CAMPAIGN_ALREADY_OPEN));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRecordException("Campaign", problems);
            }
            return save(tx, campaign);
        });
    }

    /** Closes the campaign today: the alert is over. */
    public Change close(Campaign campaign, StaffId author) {
        requireCaseWork("close a heatwave campaign");
        return writer.write(author, tx -> save(tx, campaign.close(LocalDate.now(clock))));
    }

    /**
     * Starts today's round of calls: every person of the register gets a call, spread over the active
     * helpers who make phone calls ({@value #HELPER_CALLS} each, their neighbours first) and the staff
     * member starting it; all the calls are written, or none. A round already started today is
     * returned as it is.
     */
    public List<CampaignCall> startRound(Campaign campaign, StaffId author) {
        requireCaseWork("start a round of heatwave calls");
        LocalDate today = LocalDate.now(clock);
        List<CampaignCall> existing = round(campaign.id(), today);
        if (!existing.isEmpty()) {
            return existing;
        }
        List<CampaignCall> calls = plan(campaign, author, today);
        if (calls.isEmpty()) {
            return List.of();
        }
        boolean written = writer.write(author, tx -> !tx.read().fetchExists(HEATWAVE_CALL,
                HEATWAVE_CALL.CAMPAIGN_ID.eq(campaign.id().value()).and(HEATWAVE_CALL.CALL_DAY.eq(today)))
                && write(tx, calls));
        return written ? calls : round(campaign.id(), today);
    }

    /** A round started because the alert's rhythm made it due: the campaign, and the round's calls. */
    public record DueRound(Campaign campaign, List<CampaignCall> calls) {
    }

    /**
     * Starts today's round of the open campaign if one is due by the rhythm of its level
     * ({@link Campaign#roundDue}): no round yet today, and the last one at least the level's number
     * of days ago. Empty when no campaign is open, none is due, the register is empty, or the viewer
     * may not start rounds (this runs by itself when a screen opens, so it refuses nothing).
     *
     * <p>Idempotent: whether a round is due is decided again inside the transaction that writes it, so
     * two openings on this computer write one round. Two computers that start it offline the same day
     * make the same records, since a step's id is made from its campaign, person, day and step
     * ({@link CampaignCall#stepId}): the sync merges them field by field into one call per person
     * (the caller of the later one is kept; an outcome one side already recorded is a guarded field,
     * so it is kept or shown as a conflict for a person to decide, never silently lost), and nobody is
     * called twice.
     */
    public Optional<DueRound> startDueRound(StaffId author) {
        if (!mayStartRounds()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Optional<Campaign> open = current();
        if (open.isEmpty() || !open.get().roundDue(today, lastRound(open.get().id()))) {
            return Optional.empty();
        }
        Campaign campaign = open.get();
        List<CampaignCall> calls = plan(campaign, author, today);
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        boolean written = writer.write(author, tx -> {
            LocalDate last = lastRound(tx.read(), campaign.id());
            boolean stillOpen = tx.read().fetchExists(HEATWAVE_CAMPAIGN, HEATWAVE_CAMPAIGN.ID.eq(campaign.id().value())
                    .and(HEATWAVE_CAMPAIGN.CLOSED_ON.isNull()));
            return stillOpen && campaign.roundDue(today, last) && write(tx, calls);
        });
        return written ? Optional.of(new DueRound(campaign, calls)) : Optional.empty();
    }

    /** Whether the viewer may declare alerts and start rounds: case work on files with their elderly part. */
    public boolean mayStartRounds() {
        return NeedToKnow.visibleParts(viewer).contains(ElderlyProfile.PART)
                && NeedToKnow.canWrite(viewer, Subject.BENEFICIARY);
    }

    /** The day of a campaign's latest round, or null before the first. */
    public LocalDate lastRound(CampaignId campaign) {
        return lastRound(dsl, campaign);
    }

    private static LocalDate lastRound(DSLContext read, CampaignId campaign) {
        return read.select(DSL.max(HEATWAVE_CALL.CALL_DAY)).from(HEATWAVE_CALL)
                .where(HEATWAVE_CALL.CAMPAIGN_ID.eq(campaign.value())).fetchOne(0, LocalDate.class);
    }

    /** The register spread over the helpers who call and the author, for a round on {@code day}. */
    private List<CampaignCall> plan(Campaign campaign, StaffId author, LocalDate day) {
        List<CallList.Registered> register = register().stream()
                .map(e -> new CallList.Registered(e.person().id(), e.person().address().commune())).toList();
        if (register.isEmpty()) {
            return List.of();
        }
        List<Caller> callers = new ArrayList<>();
        new HelperRepository(dsl, writer, clock, viewer).all().stream()
                .filter(h -> h.status() == HelperStatus.ACTIVE && h.skills().contains(Skill.PHONE_CALLS))
                .forEach(h -> callers.add(new Caller(CallerKind.HELPER, h.id().value(), h.commune(), HELPER_CALLS)));
        callers.add(new Caller(CallerKind.STAFF, author.value(), null, STAFF_CALLS));
        return CallList.spread(campaign.id(), register, callers, day);
    }

    private boolean write(WriteTransaction tx, List<CampaignCall> calls) {
        calls.forEach(call -> save(tx, call));
        return true;
    }

    /** The calls of a round (its day), those of files the viewer may read. */
    public List<CampaignCall> round(CampaignId campaign, LocalDate day) {
        // One query: the calls joined with their files, under the files' rule.
        return dsl.select(HEATWAVE_CALL.fields()).from(HEATWAVE_CALL)
                .join(BENEFICIARY).on(BENEFICIARY.ID.eq(HEATWAVE_CALL.BENEFICIARY_ID))
                .where(HEATWAVE_CALL.CAMPAIGN_ID.eq(campaign.value()).and(HEATWAVE_CALL.CALL_DAY.eq(day))
                        .and(BeneficiaryRepository.readableBy(viewer)))
                .orderBy(HEATWAVE_CALL.CREATED_AT, HEATWAVE_CALL.ID)
                .fetch(r -> toModel(r.into(HEATWAVE_CALL)));
    }

    /** The days of a campaign's rounds, the latest first. */
    public List<LocalDate> rounds(CampaignId campaign) {
        return dsl.selectDistinct(HEATWAVE_CALL.CALL_DAY).from(HEATWAVE_CALL)
                .where(HEATWAVE_CALL.CAMPAIGN_ID.eq(campaign.value()))
                .orderBy(HEATWAVE_CALL.CALL_DAY.desc()).fetch(HEATWAVE_CALL.CALL_DAY);
    }

    /**
     * Records what a call found today; an unreachable person gets the next step (second call, visit,
     * emergency contact by {@code author}) in the same transaction. Returns that next step, if any.
     */
    public Optional<CampaignCall> record(CampaignCall call, CallOutcome outcome, String note, StaffId author) {
        CampaignCall done = call.record(outcome, note, LocalDate.now(clock));
        List<Problem> problems = done.validate();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Call", problems);
        }
        Optional<CampaignCall> next = done.escalation(author.value());
        writer.write(author, tx -> {
            files.findWritable(call.person()).orElseThrow(() ->
                    new AccessDeniedException(viewer, Subject.BENEFICIARY, "record a heatwave call for " + call.person()));
            Change change = save(tx, done);
            // The next step's id is the same everywhere: one already made (here, or by another
            // computer and synced) is left as it is, with what it found.
            next.filter(step -> !tx.read().fetchExists(HEATWAVE_CALL, HEATWAVE_CALL.ID.eq(step.id())))
                    .ifPresent(step -> save(tx, step));
            return change;
        });
        return next;
    }

    private void requireCaseWork(String what) {
        if (!mayStartRounds()) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, what);
        }
    }

    private Change save(WriteTransaction tx, Campaign c) {
        return tx.save(Values.of(HEATWAVE_CAMPAIGN_TABLE)
                .set(HEATWAVE_CAMPAIGN.LEVEL, name(c.level()))
                .set(HEATWAVE_CAMPAIGN.STARTS_ON, c.startsOn())
                .set(HEATWAVE_CAMPAIGN.ENDS_ON, c.endsOn())
                .set(HEATWAVE_CAMPAIGN.CLOSED_ON, c.closedOn())
                .set(HEATWAVE_CAMPAIGN.NOTE, c.note()), c.id().value());
    }

    private Change save(WriteTransaction tx, CampaignCall c) {
        return tx.save(Values.of(HEATWAVE_CALL_TABLE)
                .set(HEATWAVE_CALL.CAMPAIGN_ID, c.campaign().value())
                .set(HEATWAVE_CALL.BENEFICIARY_ID, c.person().value())
                .set(HEATWAVE_CALL.CALLER_KIND, name(c.callerKind()))
                .set(HEATWAVE_CALL.CALLER_ID, c.callerId())
                .set(HEATWAVE_CALL.CALL_DAY, c.day())
                .set(HEATWAVE_CALL.STEP, name(c.step()))
                .set(HEATWAVE_CALL.OUTCOME, name(c.outcome()))
                .set(HEATWAVE_CALL.DONE_ON, c.doneOn())
                .set(HEATWAVE_CALL.NOTE, c.note()), c.id());
    }

    static Campaign toModel(HeatwaveCampaignRecord r) {
        return new Campaign(new CampaignId(r.getId()), parse(AlertLevel.class, r.getLevel()), r.getStartsOn(),
                r.getEndsOn(), r.getClosedOn(), r.getNote());
    }

    static CampaignCall toModel(HeatwaveCallRecord r) {
        return new CampaignCall(r.getId(), new CampaignId(r.getCampaignId()), new BeneficiaryId(r.getBeneficiaryId()),
                parse(CallerKind.class, r.getCallerKind()), r.getCallerId(), r.getCallDay(),
                parse(CallStep.class, r.getStep()), parse(CallOutcome.class, r.getOutcome()), r.getDoneOn(), r.getNote());
    }
}
