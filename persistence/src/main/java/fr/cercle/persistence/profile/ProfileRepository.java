package fr.cercle.persistence.profile;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Part;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.ParentalConsent;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.jooq.tables.records.ElderlyProfileRecord;
import fr.cercle.persistence.jooq.tables.records.HealthProfileRecord;
import fr.cercle.persistence.jooq.tables.records.SchoolProfileRecord;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.Columns.name;
import static fr.cercle.persistence.Columns.parse;
import static fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE;
import static fr.cercle.persistence.jooq.Tables.HEALTH_PROFILE;
import static fr.cercle.persistence.jooq.Tables.SCHOOL_PROFILE;
import static fr.cercle.persistence.write.Entities.ELDERLY_PROFILE_TABLE;
import static fr.cercle.persistence.write.Entities.HEALTH_PROFILE_TABLE;
import static fr.cercle.persistence.write.Entities.SCHOOL_PROFILE_TABLE;

/**
 * The domain profiles of the files a viewer may read (elderly, health, school; decision 0012): a
 * profile is read and written with its file, under the file's need-to-know rule, and only by a viewer
 * who sees its part of the file ({@link NeedToKnow#visibleParts}: a school counselor never reads nor
 * writes the health profile). Every save is validated against the file, then written with its journal
 * entry, so it syncs field by field.
 */
public final class ProfileRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;
    private final BeneficiaryRepository files;

    public ProfileRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
        this.files = new BeneficiaryRepository(dsl, writer, clock, viewer);
    }

    /** Whether this viewer sees that part of the files they may read. */
    public boolean sees(Part part) {
        return NeedToKnow.visibleParts(viewer).contains(part);
    }

    /** The elderly profile of a file, if there is one and the viewer sees it. */
    public Optional<ElderlyProfile> elderly(BeneficiaryId file) {
        if (!readable(file, ElderlyProfile.PART)) {
            return Optional.empty();
        }
        return dsl.selectFrom(ELDERLY_PROFILE).where(ELDERLY_PROFILE.BENEFICIARY_ID.eq(file.value()))
                .fetchOptional(ProfileRepository::toModel);
    }

    /** The health profile of a file, if there is one and the viewer sees it (health domain only). */
    public Optional<HealthProfile> health(BeneficiaryId file) {
        if (!readable(file, HealthProfile.PART)) {
            return Optional.empty();
        }
        return dsl.selectFrom(HEALTH_PROFILE).where(HEALTH_PROFILE.BENEFICIARY_ID.eq(file.value()))
                .fetchOptional(ProfileRepository::toModel);
    }

    /** The school profile of a file, if there is one and the viewer sees it (school domain only). */
    public Optional<SchoolProfile> school(BeneficiaryId file) {
        if (!readable(file, SchoolProfile.PART)) {
            return Optional.empty();
        }
        return dsl.selectFrom(SCHOOL_PROFILE).where(SCHOOL_PROFILE.BENEFICIARY_ID.eq(file.value()))
                .fetchOptional(ProfileRepository::toModel);
    }

    /**
     * Saves the file and the profiles given with it in one transaction: both or neither. Each profile
     * is validated against the file as it is saved.
     */
    public Change saveWithFile(Beneficiary file, List<?> profiles, StaffId author) {
        return writer.write(author, tx -> {
            Change change = files.save(tx, file);
            for (Object profile : profiles) {
                if (profile instanceof ElderlyProfile p) {
                    save(tx, p);
                } else if (profile instanceof HealthProfile p) {
                    save(tx, p);
                } else if (profile instanceof SchoolProfile p) {
                    save(tx, p);
                } else {
                    throw new IllegalArgumentException("Not a profile: " + profile.getClass());
                }
            }
            return change;
        });
    }

    public Change save(ElderlyProfile profile, StaffId author) {
        return writer.write(author, tx -> save(tx, profile));
    }

    public Change save(HealthProfile profile, StaffId author) {
        return writer.write(author, tx -> save(tx, profile));
    }

    public Change save(SchoolProfile profile, StaffId author) {
        return writer.write(author, tx -> save(tx, profile));
    }

    public Change save(WriteTransaction tx, ElderlyProfile p) {
        Beneficiary file = writable(tx, p.beneficiary(), ElderlyProfile.PART, "elderly profile");
        check("Elderly profile", p.validate(LocalDate.now(clock), file));
        if (p.isEmpty() && !exists(tx, ELDERLY_PROFILE.ID, p.id())) {
            return new Change(null, List.of());
        }
        HeatwaveRegistration h = p.heatwave();
        return tx.save(Values.of(ELDERLY_PROFILE_TABLE)
                .set(ELDERLY_PROFILE.BENEFICIARY_ID, p.beneficiary().value())
                .set(ELDERLY_PROFILE.AGGIR, p.aggir() == null ? null : p.aggir().code())
                .set(ELDERLY_PROFILE.ASSESSED_ON, p.assessedOn())
                .set(ELDERLY_PROFILE.APA_STATUS, name(p.apa()))
                .set(ELDERLY_PROFILE.LIVES_ALONE, p.livesAlone())
                .set(ELDERLY_PROFILE.DISABILITY, p.disability())
                .set(ELDERLY_PROFILE.EMERGENCY_NAME, p.emergency().name())
                .set(ELDERLY_PROFILE.EMERGENCY_PHONE, p.emergency().phone())
                .set(ELDERLY_PROFILE.EMERGENCY_RELATION, p.emergency().relation())
                .set(ELDERLY_PROFILE.HEATWAVE_REGISTERED_ON, h.registeredOn())
                .set(ELDERLY_PROFILE.HEATWAVE_REQUESTED_BY, name(h.requestedBy()))
                .set(ELDERLY_PROFILE.HEATWAVE_REQUESTER_NAME, h.requesterName())
                .set(ELDERLY_PROFILE.HEATWAVE_CAPACITY, name(h.capacity()))
                .set(ELDERLY_PROFILE.HEATWAVE_SERVICES, h.services()), p.id());
    }

    public Change save(WriteTransaction tx, HealthProfile p) {
        Beneficiary file = writable(tx, p.beneficiary(), HealthProfile.PART, "health profile");
        check("Health profile", p.validate(LocalDate.now(clock), file));
        if (p.isEmpty() && !exists(tx, HEALTH_PROFILE.ID, p.id())) {
            return new Change(null, List.of());
        }
        return tx.save(Values.of(HEALTH_PROFILE_TABLE)
                .set(HEALTH_PROFILE.BENEFICIARY_ID, p.beneficiary().value())
                .set(HEALTH_PROFILE.CONDITIONS, enumSet(p.conditions()))
                .set(HEALTH_PROFILE.OTHER_CONDITIONS, p.otherConditions())
                .set(HEALTH_PROFILE.NURSE_NAME, p.nurseCoordinator().name())
                .set(HEALTH_PROFILE.NURSE_PHONE, p.nurseCoordinator().phone())
                .set(HEALTH_PROFILE.GP_NAME, p.gp().name())
                .set(HEALTH_PROFILE.GP_PHONE, p.gp().phone())
                .set(HEALTH_PROFILE.TRUST_NAME, p.personOfTrust().name())
                .set(HEALTH_PROFILE.TRUST_PHONE, p.personOfTrust().phone())
                .set(HEALTH_PROFILE.EDUCATION_STAGE, name(p.education())), p.id());
    }

    public Change save(WriteTransaction tx, SchoolProfile p) {
        Beneficiary file = writable(tx, p.beneficiary(), SchoolProfile.PART, "school profile");
        check("School profile", p.validate(LocalDate.now(clock), file));
        if (p.isEmpty() && !exists(tx, SCHOOL_PROFILE.ID, p.id())) {
            return new Change(null, List.of());
        }
        DropoutPath path = p.path();
        return tx.save(Values.of(SCHOOL_PROFILE_TABLE)
                .set(SCHOOL_PROFILE.BENEFICIARY_ID, p.beneficiary().value())
                .set(SCHOOL_PROFILE.SCHOOL, p.school())
                .set(SCHOOL_PROFILE.SCHOOL_CLASS, p.schoolClass())
                .set(SCHOOL_PROFILE.COUNSELOR, p.counselor())
                .set(SCHOOL_PROFILE.ABSENT_HALF_DAYS, p.absentHalfDays())
                .set(SCHOOL_PROFILE.UNJUSTIFIED_HALF_DAYS, p.unjustifiedHalfDays())
                .set(SCHOOL_PROFILE.ABSENCES_COUNTED_ON, p.absencesCountedOn())
                .set(SCHOOL_PROFILE.SPOTTED_ON, path.spottedOn())
                .set(SCHOOL_PROFILE.CONTACTED_ON, path.contactedOn())
                .set(SCHOOL_PROFILE.ASSESSED_ON, path.assessedOn())
                .set(SCHOOL_PROFILE.ACCOMPANIED_ON, path.accompaniedOn())
                .set(SCHOOL_PROFILE.OUTCOME, name(path.outcome()))
                .set(SCHOOL_PROFILE.OUTCOME_ON, path.outcomeOn())
                .set(SCHOOL_PROFILE.PARENTAL_CONSENT_DATE, p.parentalConsent().date())
                .set(SCHOOL_PROFILE.PARENTAL_CONSENT_BY, p.parentalConsent().givenBy()), p.id());
    }

    private boolean readable(BeneficiaryId file, Part part) {
        return sees(part) && files.find(file).isPresent();
    }

    private Beneficiary writable(WriteTransaction tx, BeneficiaryId id, Part part, String what) {
        if (!sees(part)) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, "save the " + what + " of " + id
                    + " (part " + part + " not theirs)");
        }
        return files.findWritable(tx, id)
                .orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY, "save the " + what + " of " + id));
    }

    private static void check(String what, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(what, problems);
        }
    }

    private static boolean exists(WriteTransaction tx, org.jooq.TableField<?, UUID> id, UUID value) {
        return tx.read().fetchExists(id.getTable(), id.eq(value));
    }

    /** An elderly profile as the model holds it, for the other packages that read the table (the heatwave register). */
    public static ElderlyProfile toModel(ElderlyProfileRecord r) {
        return new ElderlyProfile(new BeneficiaryId(r.getBeneficiaryId()),
                r.getAggir() == null ? null : AggirGrid.of(r.getAggir()), r.getAssessedOn(),
                parse(ApaStatus.class, r.getApaStatus()), Boolean.TRUE.equals(r.getLivesAlone()), r.getDisability(),
                new ContactPerson(r.getEmergencyName(), r.getEmergencyPhone(), r.getEmergencyRelation()),
                new HeatwaveRegistration(r.getHeatwaveRegisteredOn(), parse(HeatwaveRequester.class, r.getHeatwaveRequestedBy()),
                        r.getHeatwaveRequesterName(), parse(HeatwaveCapacity.class, r.getHeatwaveCapacity()),
                        r.getHeatwaveServices()));
    }

    static HealthProfile toModel(HealthProfileRecord r) {
        return new HealthProfile(new BeneficiaryId(r.getBeneficiaryId()), enumSet(ChronicCondition.class, r.getConditions()),
                r.getOtherConditions(), new ContactPerson(r.getNurseName(), r.getNursePhone()),
                new ContactPerson(r.getGpName(), r.getGpPhone()), new ContactPerson(r.getTrustName(), r.getTrustPhone()),
                parse(EducationStage.class, r.getEducationStage()));
    }

    static SchoolProfile toModel(SchoolProfileRecord r) {
        return new SchoolProfile(new BeneficiaryId(r.getBeneficiaryId()), r.getSchool(), r.getSchoolClass(), r.getCounselor(),
                r.getAbsentHalfDays(), r.getUnjustifiedHalfDays(), r.getAbsencesCountedOn(),
                new DropoutPath(r.getSpottedOn(), r.getContactedOn(), r.getAssessedOn(), r.getAccompaniedOn(),
                        parse(DropoutOutcome.class, r.getOutcome()), r.getOutcomeOn()),
                new ParentalConsent(r.getParentalConsentDate(), r.getParentalConsentBy()));
    }
}
