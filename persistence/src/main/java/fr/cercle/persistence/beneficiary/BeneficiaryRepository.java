package fr.cercle.persistence.beneficiary;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.beneficiary.DuplicateDetector;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.jooq.tables.records.BeneficiaryRecord;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
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
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.Columns.insee;
import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static fr.cercle.persistence.jooq.Tables.COMMUNE;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;
import static fr.cercle.persistence.write.Entities.BENEFICIARY_TABLE;

/**
 * The files of the people helped, as one viewer may see them: every read is limited to the files
 * {@link NeedToKnow} lets that viewer read (a file outside them is as if it did not exist), and every
 * write is refused with {@link AccessDeniedException}, before anything is written, if the viewer may
 * not write the file as it is or as it would become. Every save is validated, then written with its
 * journal entry.
 */
public final class BeneficiaryRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;

    public BeneficiaryRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
    }

    /**
     * The whole file, if this viewer may read it, for a person who opens it: the opening is recorded
     * in the audit trail. What a screen shows of a file comes from here.
     */
    public Optional<Beneficiary> open(BeneficiaryId id) {
        Optional<Beneficiary> found = find(id);
        found.ifPresent(b -> new AuditTrail(dsl, writer, clock, viewer).record(AuditAction.VIEW, BENEFICIARY_TABLE, id.value()));
        return found;
    }

    /**
     * The whole file, if this viewer may read it, without recording an opening: for checks and
     * tools that show nothing of it to a person (screens call {@link #open}).
     */
    /**
     * The file, if this viewer may change it (as it is: without handing it over): what belongs to a
     * file (its needs, the help received, follow-ups) is written under that rule.
     */
    public Optional<Beneficiary> findWritable(BeneficiaryId id) {
        return find(id).filter(b -> NeedToKnow.canWrite(viewer, b.referent(), b.domains(), b.referent(), b.domains()));
    }

    /** {@link #findWritable(BeneficiaryId)} inside a write: sees a file created earlier in the same transaction. */
    public Optional<Beneficiary> findWritable(WriteTransaction tx, BeneficiaryId id) {
        return current(tx, id).filter(b -> NeedToKnow.canWrite(viewer, b.referent(), b.domains(), b.referent(), b.domains()));
    }

    public Optional<Beneficiary> find(BeneficiaryId id) {
        return dsl.selectFrom(BENEFICIARY).where(BENEFICIARY.ID.eq(id.value()).and(readable()))
                .fetchOptional(BeneficiaryRepository::toModel)
                .filter(b -> NeedToKnow.canRead(viewer, b.referent(), b.domains()));
    }

    /** Every file this viewer may read, as a list line, with its commune's and referent's names. */
    public List<BeneficiarySummary> summaries() {
        return summaryQuery(dsl).where(readable()).fetchSize(2_000).fetch(BeneficiaryRepository::toSummary);
    }

    public Optional<BeneficiarySummary> summary(BeneficiaryId id) {
        return summaryQuery(dsl).where(BENEFICIARY.ID.eq(id.value()).and(readable()))
                .fetchOptional(BeneficiaryRepository::toSummary);
    }

    /** How many files this viewer may read. */
    public int count() {
        return dsl.fetchCount(BENEFICIARY, readable());
    }

    /**
     * Files this viewer may read that may be the same person as this one: same name and birth date,
     * or a similar name in the same commune.
     */
    public List<PossibleDuplicate> possibleDuplicates(Beneficiary candidate) {
        Condition related = DSL.falseCondition();
        if (candidate.birthDate() != null) {
            related = related.or(BENEFICIARY.BIRTH_DATE.eq(candidate.birthDate()));
        }
        if (candidate.address().commune() != null) {
            related = related.or(BENEFICIARY.COMMUNE_INSEE.eq(candidate.address().commune().value()));
        }
        List<BeneficiarySummary> nearby = summaryQuery(dsl).where(related.and(readable())).fetch(BeneficiaryRepository::toSummary);
        return DuplicateDetector.find(candidate, nearby);
    }

    /** Validates and saves the file; throws {@link InvalidRecordException} with every problem, writing nothing. */
    public Change save(Beneficiary beneficiary, StaffId author) {
        return writer.write(author, tx -> save(tx, beneficiary));
    }

    public Change save(WriteTransaction tx, Beneficiary beneficiary) {
        Optional<Beneficiary> before = current(tx, beneficiary.id());
        if (!NeedToKnow.canWrite(viewer, before.map(Beneficiary::referent).orElse(null),
                before.map(Beneficiary::domains).orElse(Set.of()), beneficiary.referent(), beneficiary.domains())) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, (before.isPresent() ? "change" : "create")
                    + " beneficiary " + beneficiary.id() + " with referent " + beneficiary.referent()
                    + " in " + beneficiary.domains());
        }
        List<Problem> problems = BeneficiaryRules.validate(beneficiary, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Beneficiary", problems);
        }
        return tx.save(values(beneficiary), beneficiary.id().value());
    }

    /**
     * Creates new files in bulk (the spreadsheet import), in the transaction: each checked as
     * {@link #save} checks a creation (need-to-know, then the file's rules) before anything is
     * written, then all written and journaled as {@code save} would, in JDBC batches
     * ({@link WriteTransaction#createAll}). Refused whole if one is not allowed, invalid or already stored.
     */
    public List<Change> createAll(WriteTransaction tx, List<Beneficiary> created) {
        LocalDate today = LocalDate.now(clock);
        List<WriteTransaction.Creation<BeneficiaryRecord>> creations = new java.util.ArrayList<>(created.size());
        for (Beneficiary beneficiary : created) {
            if (!NeedToKnow.canWrite(viewer, null, Set.of(), beneficiary.referent(), beneficiary.domains())) {
                throw new AccessDeniedException(viewer, Subject.BENEFICIARY, "create beneficiary " + beneficiary.id()
                        + " with referent " + beneficiary.referent() + " in " + beneficiary.domains());
            }
            List<Problem> problems = BeneficiaryRules.validate(beneficiary, today);
            if (!problems.isEmpty()) {
                throw new InvalidRecordException("Beneficiary", problems);
            }
            creations.add(new WriteTransaction.Creation<>(values(beneficiary), beneficiary.id().value()));
        }
        return tx.createAll(creations);
    }

    /** Closes the file: it stays, with its history, but is no longer active. */
    public Change close(BeneficiaryId id, StaffId author) {
        return writer.write(author, tx -> {
            Beneficiary current = current(tx, id)
                    .filter(b -> NeedToKnow.canRead(viewer, b.referent(), b.domains()))
                    .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "close beneficiary " + id
                            + " (not in their files)"));
            return tx.save(values(current.withStatus(BeneficiaryStatus.CLOSED)), id.value());
        });
    }

    /**
     * Erases the file for good (the right to erasure, GDPR article 17): the record is deleted, what
     * its changes wrote is emptied from the journal (who changed it and when stay, for the audit
     * trail), the deletion syncs to the server and every installation, which erase it the same way,
     * and a late change of it is kept without its data. The database file is compacted when it closes.
     *
     * @throws AccessDeniedException unless the viewer is a coordinator who may read the file
     */
    public Change erase(BeneficiaryId id, StaffId author) {
        return writer.write(author, tx -> {
            Beneficiary current = current(tx, id)
                    .filter(b -> NeedToKnow.canErase(viewer, b.referent(), b.domains()))
                    .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "erase beneficiary " + id));
            // What was written about the person's needs, the help they received and the follow-ups goes
            // with the file.
            for (java.util.UUID need : tx.read().select(NEED.ID).from(NEED).where(NEED.BENEFICIARY_ID.eq(id.value()))
                    .fetch(NEED.ID)) {
                tx.delete(fr.cercle.persistence.write.Entities.NEED_TABLE, need);
            }
            for (java.util.UUID contribution : tx.read().select(CONTRIBUTION.ID).from(CONTRIBUTION)
                    .where(CONTRIBUTION.BENEFICIARY_ID.eq(id.value())).fetch(CONTRIBUTION.ID)) {
                tx.delete(fr.cercle.persistence.write.Entities.CONTRIBUTION_TABLE, contribution);
            }
            for (java.util.UUID followUp : tx.read().select(FOLLOW_UP.ID).from(FOLLOW_UP)
                    .where(FOLLOW_UP.BENEFICIARY_ID.eq(id.value())).fetch(FOLLOW_UP.ID)) {
                tx.delete(fr.cercle.persistence.write.Entities.FOLLOW_UP_TABLE, followUp);
            }
            // The heatwave calls that reached the person.
            for (java.util.UUID call : tx.read().select(fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL.ID)
                    .from(fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL)
                    .where(fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL.BENEFICIARY_ID.eq(id.value()))
                    .fetch(fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL.ID)) {
                tx.delete(fr.cercle.persistence.write.Entities.HEATWAVE_CALL_TABLE, call);
            }
            // And its domain profiles (elderly, health, school).
            for (var profile : List.of(fr.cercle.persistence.write.Entities.ELDERLY_PROFILE_TABLE,
                    fr.cercle.persistence.write.Entities.HEALTH_PROFILE_TABLE,
                    fr.cercle.persistence.write.Entities.SCHOOL_PROFILE_TABLE)) {
                for (java.util.UUID profileId : tx.read().select(profile.id()).from(profile.table())
                        .where(profile.table().field("BENEFICIARY_ID", java.util.UUID.class).eq(id.value()))
                        .fetch(profile.id())) {
                    tx.delete(profile, profileId);
                }
            }
            return tx.delete(BENEFICIARY_TABLE, current.id().value());
        });
    }

    private static Optional<Beneficiary> current(WriteTransaction tx, BeneficiaryId id) {
        return tx.read().selectFrom(BENEFICIARY).where(BENEFICIARY.ID.eq(id.value()))
                .fetchOptional(BeneficiaryRepository::toModel);
    }

    /**
     * The files this viewer may read, as a condition the database evaluates (so that a caseworker's
     * list reads only their caseload); {@link NeedToKnow#canRead} says the same for one file.
     */
    private Condition readable() {
        return readableBy(viewer);
    }

    /**
     * The files {@code viewer} may read, as a condition on {@code BENEFICIARY} that the database
     * evaluates: for queries of other repositories that count or list records with their person's file
     * in bulk (the dashboard, alerts, the agenda, the heatwave register), under the same rule.
     */
    public static Condition readableBy(Viewer viewer) {
        if (viewer.has(Role.COORDINATOR)) {
            return DSL.trueCondition();
        }
        if (!viewer.has(Role.CASEWORKER) || viewer.staff().isEmpty() || viewer.domains().isEmpty()) {
            return DSL.falseCondition();
        }
        Condition sharedDomain = DSL.or(viewer.domains().stream()
                .map(d -> BENEFICIARY.DOMAINS.like("%\"" + d.name() + "\"%")).toList());
        return BENEFICIARY.REFERENT_ID.eq(viewer.staff().get().value()).and(sharedDomain);
    }

    private static Values<BeneficiaryRecord> values(Beneficiary b) {
        return Values.of(BENEFICIARY_TABLE)
                .set(BENEFICIARY.FIRST_NAME, b.firstName())
                .set(BENEFICIARY.LAST_NAME, b.lastName())
                .set(BENEFICIARY.BIRTH_DATE, b.birthDate())
                .set(BENEFICIARY.ADDRESS_LINE, b.address().line())
                .set(BENEFICIARY.POSTAL_CODE, b.address().postalCode())
                .set(BENEFICIARY.COMMUNE_INSEE, insee(b.address().commune()))
                .set(BENEFICIARY.PHONE, b.contact().phone())
                .set(BENEFICIARY.EMAIL, b.contact().email())
                .set(BENEFICIARY.DOMAINS, enumSet(b.domains()))
                .set(BENEFICIARY.STATUS, name(b.status()))
                .set(BENEFICIARY.REFERENT_ID, b.referent() == null ? null : b.referent().value())
                .set(BENEFICIARY.CONSENT_DATE, b.consent().date())
                .set(BENEFICIARY.CONSENT_SCOPE, name(b.consent().scope()))
                .set(BENEFICIARY.CONSENT_METHOD, name(b.consent().method()))
                .set(BENEFICIARY.CONSENT_GUARDIAN, b.consent().guardian())
                .set(BENEFICIARY.CONSENT_WITHDRAWN_ON, b.consent().withdrawnOn())
                .set(BENEFICIARY.SITUATION, b.situation());
    }

    /** A stored file as the model's record, for other packages' queries that read files with what belongs to them. */
    public static Beneficiary toModel(BeneficiaryRecord r) {
        return new Beneficiary(new BeneficiaryId(r.getId()), r.getFirstName(), r.getLastName(), r.getBirthDate(),
                new Address(r.getAddressLine(), r.getPostalCode(), insee(r.getCommuneInsee())),
                new Contact(r.getPhone(), r.getEmail()),
                enumSet(Domain.class, r.getDomains()),
                parse(BeneficiaryStatus.class, r.getStatus()),
                r.getReferentId() == null ? null : new StaffId(r.getReferentId()),
                new Consent(r.getConsentDate(), parse(ConsentScope.class, r.getConsentScope()),
                        parse(ConsentMethod.class, r.getConsentMethod()), r.getConsentGuardian(),
                        r.getConsentWithdrawnOn()),
                r.getSituation());
    }

    private static SelectOnConditionStep<Record> summaryQuery(DSLContext dsl) {
        return dsl.select(List.<SelectField<?>>of(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME, BENEFICIARY.BIRTH_DATE,
                        BENEFICIARY.COMMUNE_INSEE, COMMUNE.NAME, BENEFICIARY.POSTAL_CODE, BENEFICIARY.DOMAINS,
                        BENEFICIARY.STATUS, STAFF_MEMBER.FIRST_NAME, STAFF_MEMBER.LAST_NAME))
                .from(BENEFICIARY)
                .leftJoin(COMMUNE).on(COMMUNE.INSEE_CODE.eq(BENEFICIARY.COMMUNE_INSEE))
                .leftJoin(STAFF_MEMBER).on(STAFF_MEMBER.ID.eq(BENEFICIARY.REFERENT_ID));
    }

    private static BeneficiarySummary toSummary(Record r) {
        String referentFirst = r.get(STAFF_MEMBER.FIRST_NAME);
        UUID id = r.get(BENEFICIARY.ID);
        return new BeneficiarySummary(new BeneficiaryId(id), r.get(BENEFICIARY.FIRST_NAME), r.get(BENEFICIARY.LAST_NAME),
                r.get(BENEFICIARY.BIRTH_DATE), insee(r.get(BENEFICIARY.COMMUNE_INSEE)), r.get(COMMUNE.NAME),
                r.get(BENEFICIARY.POSTAL_CODE), enumSet(Domain.class, r.get(BENEFICIARY.DOMAINS)),
                parse(BeneficiaryStatus.class, r.get(BENEFICIARY.STATUS)),
                referentFirst == null ? null : referentFirst + " " + r.get(STAFF_MEMBER.LAST_NAME));
    }
}
