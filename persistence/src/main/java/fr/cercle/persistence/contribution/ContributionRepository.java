package fr.cercle.persistence.contribution;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.jooq.tables.records.ContributionRecord;
import fr.cercle.persistence.jooq.tables.records.FollowUpRecord;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static fr.cercle.persistence.write.Entities.CONTRIBUTION_TABLE;
import static fr.cercle.persistence.write.Entities.FOLLOW_UP_TABLE;

/**
 * What helpers did for a person, and the follow-ups their concerns open, read and written with the
 * person's file under its need-to-know rule. Recording a contribution with a concern opens, in the
 * same transaction, a follow-up for the file's referent: both are written, or neither.
 */
public final class ContributionRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;
    private final BeneficiaryRepository files;

    public ContributionRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
        this.files = new BeneficiaryRepository(dsl, writer, clock, viewer);
    }

    /**
     * Records a contribution for a file the viewer may change; a concern opens a follow-up for the
     * file's referent (or, without one, for the staff member recording it). Returns the follow-up.
     */
    public Optional<FollowUp> record(Contribution contribution, StaffId author) {
        AtomicReference<Optional<FollowUp>> opened = new AtomicReference<>(Optional.empty());
        writer.write(author, tx -> {
            Beneficiary file = writable(contribution.beneficiary(), "record a contribution");
            List<Problem> problems = contribution.validate(LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw new InvalidRecordException("Contribution", problems);
            }
            Change change = tx.save(Values.of(CONTRIBUTION_TABLE)
                    .set(CONTRIBUTION.BENEFICIARY_ID, contribution.beneficiary().value())
                    .set(CONTRIBUTION.HELPER_ID, contribution.helper().value())
                    .set(CONTRIBUTION.NEED_ID, contribution.need() == null ? null : contribution.need().value())
                    .set(CONTRIBUTION.CONTRIBUTED_ON, contribution.date())
                    .set(CONTRIBUTION.MINUTES, contribution.minutes())
                    .set(CONTRIBUTION.KIND, name(contribution.kind()))
                    .set(CONTRIBUTION.MEDIUM, name(contribution.medium()))
                    .set(CONTRIBUTION.CONTACT_MADE, contribution.contactMade())
                    .set(CONTRIBUTION.NOTE, contribution.note())
                    .set(CONTRIBUTION.CONCERN, contribution.concern()), contribution.id().value());
            opened.set(FollowUp.fromConcern(contribution, file.referent() != null ? file.referent() : author,
                    LocalDate.now(clock)));
            opened.get().ifPresent(followUp -> save(tx, followUp));
            return change;
        });
        return opened.get();
    }

    /** Marks a follow-up done today. */
    public Change done(FollowUp followUp, StaffId author) {
        return writer.write(author, tx -> {
            writable(followUp.beneficiary(), "close a follow-up");
            return save(tx, followUp.done(LocalDate.now(clock)));
        });
    }

    private Change save(WriteTransaction tx, FollowUp f) {
        return tx.save(Values.of(FOLLOW_UP_TABLE)
                .set(FOLLOW_UP.BENEFICIARY_ID, f.beneficiary().value())
                .set(FOLLOW_UP.SOURCE_ID, f.source() == null ? null : f.source().value())
                .set(FOLLOW_UP.REFERENT_ID, f.referent() == null ? null : f.referent().value())
                .set(FOLLOW_UP.SUBJECT, f.subject())
                .set(FOLLOW_UP.DUE_ON, f.due())
                .set(FOLLOW_UP.STATUS, name(f.status()))
                .set(FOLLOW_UP.DONE_ON, f.doneOn()), f.id());
    }

    private Beneficiary writable(BeneficiaryId id, String what) {
        return files.findWritable(id)
                .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, what + " for " + id));
    }

    /** A file's contributions, the latest first; none if the viewer may not read the file. */
    public List<Contribution> ofFile(BeneficiaryId file) {
        if (files.find(file).isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(CONTRIBUTION).where(CONTRIBUTION.BENEFICIARY_ID.eq(file.value()))
                .orderBy(CONTRIBUTION.CONTRIBUTED_ON.desc(), CONTRIBUTION.CREATED_AT.desc())
                .fetch(ContributionRepository::toModel);
    }

    /**
     * The day each helper last reached the person (a contribution with contact made); none if the
     * viewer may not read the file.
     */
    public Map<HelperId, LocalDate> lastContacts(BeneficiaryId file) {
        if (files.find(file).isEmpty()) {
            return Map.of();
        }
        Map<HelperId, LocalDate> last = new HashMap<>();
        dsl.select(CONTRIBUTION.HELPER_ID, DSL.max(CONTRIBUTION.CONTRIBUTED_ON)).from(CONTRIBUTION)
                .where(CONTRIBUTION.BENEFICIARY_ID.eq(file.value()).and(CONTRIBUTION.CONTACT_MADE.isTrue()))
                .groupBy(CONTRIBUTION.HELPER_ID)
                .forEach(r -> last.put(new HelperId(r.value1()), r.value2()));
        return last;
    }

    /**
     * A file's latest {@code latest} contributions, and every one from {@code from} on (none more
     * when null); the latest first. None if the viewer may not read the file.
     */
    public List<Contribution> since(BeneficiaryId file, LocalDate from, int latest) {
        if (files.find(file).isEmpty()) {
            return List.of();
        }
        Map<ContributionId, Contribution> found = new LinkedHashMap<>();
        dsl.selectFrom(CONTRIBUTION).where(CONTRIBUTION.BENEFICIARY_ID.eq(file.value()))
                .orderBy(CONTRIBUTION.CONTRIBUTED_ON.desc(), CONTRIBUTION.CREATED_AT.desc()).limit(latest)
                .forEach(r -> found.put(new ContributionId(r.getId()), toModel(r)));
        if (from != null) {
            dsl.selectFrom(CONTRIBUTION)
                    .where(CONTRIBUTION.BENEFICIARY_ID.eq(file.value()).and(CONTRIBUTION.CONTRIBUTED_ON.ge(from)))
                    .forEach(r -> found.putIfAbsent(new ContributionId(r.getId()), toModel(r)));
        }
        return found.values().stream().sorted(Comparator.comparing(Contribution::date).reversed()).toList();
    }

    /** A file's follow-ups, the open ones first by due date; none if the viewer may not read the file. */
    public List<FollowUp> followUps(BeneficiaryId file) {
        if (files.find(file).isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(FOLLOW_UP).where(FOLLOW_UP.BENEFICIARY_ID.eq(file.value()))
                .orderBy(FOLLOW_UP.STATUS.desc(), FOLLOW_UP.DUE_ON)
                .fetch(ContributionRepository::toModel);
    }

    static Contribution toModel(ContributionRecord r) {
        return new Contribution(new ContributionId(r.getId()), new BeneficiaryId(r.getBeneficiaryId()),
                new HelperId(r.getHelperId()), r.getNeedId() == null ? null : new NeedId(r.getNeedId()),
                r.getContributedOn(), r.getMinutes(), parse(ContributionKind.class, r.getKind()),
                parse(Medium.class, r.getMedium()), Boolean.TRUE.equals(r.getContactMade()), r.getNote(), r.getConcern());
    }

    static FollowUp toModel(FollowUpRecord r) {
        return new FollowUp(r.getId(), new BeneficiaryId(r.getBeneficiaryId()),
                r.getSourceId() == null ? null : new ContributionId(r.getSourceId()),
                r.getReferentId() == null ? null : new StaffId(r.getReferentId()), r.getSubject(), r.getDueOn(),
                parse(FollowUpStatus.class, r.getStatus()), r.getDoneOn());
    }
}
