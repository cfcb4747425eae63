package fr.cercle.model.profile;

import fr.cercle.model.access.Part;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The school part of a file (need-to-know {@link Part#SCHOOL}): the school and class, the counselor
 * who follows the pupil there, the absences counted over the last month, the dropout follow-up path
 * with the day of each step, and, for a minor, the consent of a parent.
 *
 * @param counselor          the school counselor (CPE, psychologist, teacher in charge), by name
 * @param absentHalfDays     half-days missed over the month before {@code absencesCountedOn}
 * @param unjustifiedHalfDays of those, the half-days without a valid reason
 */
public record SchoolProfile(
        BeneficiaryId beneficiary,
        String school,
        String schoolClass,
        String counselor,
        Integer absentHalfDays,
        Integer unjustifiedHalfDays,
        LocalDate absencesCountedOn,
        DropoutPath path,
        ParentalConsent parentalConsent) {

    public static final Part PART = Part.SCHOOL;
    public static final String SCHOOL = "school";
    public static final String SCHOOL_CLASS = "schoolClass";
    public static final String COUNSELOR = "counselor";
    public static final String ABSENT_HALF_DAYS = "absentHalfDays";
    public static final String UNJUSTIFIED_HALF_DAYS = "unjustifiedHalfDays";
    public static final String ABSENCES_COUNTED_ON = "absencesCountedOn";
    public static final String SPOTTED_ON = "spottedOn";
    public static final String CONTACTED_ON = "contactedOn";
    public static final String DROPOUT_ASSESSED_ON = "dropoutAssessedOn";
    public static final String ACCOMPANIED_ON = "accompaniedOn";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_ON = "outcomeOn";
    public static final String PARENTAL_CONSENT_DATE = "parentalConsentDate";
    public static final String PARENTAL_CONSENT_BY = "parentalConsentBy";
    public static final int NAME_MAX = 200;
    public static final int CLASS_MAX = 50;
    /** Two half-days a day over a month of 31 days. */
    public static final int HALF_DAYS_MAX = 62;

    public SchoolProfile {
        Objects.requireNonNull(beneficiary, "beneficiary");
        school = Text.blankToNull(school);
        schoolClass = Text.blankToNull(schoolClass);
        counselor = Text.blankToNull(counselor);
        path = path == null ? DropoutPath.NONE : path;
        parentalConsent = parentalConsent == null ? ParentalConsent.NONE : parentalConsent;
    }

    public static SchoolProfile empty(BeneficiaryId beneficiary) {
        return new SchoolProfile(beneficiary, null, null, null, null, null, null, null, null);
    }

    /** The profile's identity: made from the file's (see {@link Profiles#id}). */
    public UUID id() {
        return Profiles.id(Domain.SCHOOL, beneficiary);
    }

    /** The field of a step's day, as problems name it. */
    public static String field(DropoutStep step) {
        return switch (step) {
            case SPOTTED -> SPOTTED_ON;
            case CONTACTED -> CONTACTED_ON;
            case ASSESSED -> DROPOUT_ASSESSED_ON;
            case ACCOMPANIED -> ACCOMPANIED_ON;
        };
    }

    public SchoolProfile withPath(DropoutPath newPath) {
        return new SchoolProfile(beneficiary, school, schoolClass, counselor, absentHalfDays, unjustifiedHalfDays,
                absencesCountedOn, newPath, parentalConsent);
    }

    public boolean isEmpty() {
        return school == null && schoolClass == null && counselor == null && absentHalfDays == null
                && unjustifiedHalfDays == null && absencesCountedOn == null && path.isEmpty() && parentalConsent.isEmpty();
    }

    /**
     * What must be fixed before the profile is saved, each problem with its field: only for a file
     * followed in the school domain; absences between 0 and 62 half-days, the unjustified ones among
     * them; the steps of the path reached in order (none skipped, none dated before the one before),
     * an outcome with its day, after the steps, a solution or a refusal only for someone contacted; no
     * day in the future or before the person's birth; for a minor, the parent's consent, with its day
     * and who gave it.
     */
    public List<Problem> validate(LocalDate today, Beneficiary file) {
        Problems problems = new Problems();
        Profiles.inDomain(problems, Beneficiary.DOMAINS, isEmpty(), Domain.SCHOOL, file);
        problems.maxLength(SCHOOL, school, NAME_MAX).maxLength(SCHOOL_CLASS, schoolClass, CLASS_MAX)
                .maxLength(COUNSELOR, counselor, NAME_MAX);
        if (absentHalfDays != null) {
            problems.between(ABSENT_HALF_DAYS, absentHalfDays, 0, HALF_DAYS_MAX);
        }
        if (unjustifiedHalfDays != null) {
            problems.between(UNJUSTIFIED_HALF_DAYS, unjustifiedHalfDays, 0, HALF_DAYS_MAX);
            if (absentHalfDays != null && unjustifiedHalfDays > absentHalfDays) {
                problems.add(UNJUSTIFIED_HALF_DAYS, Rule.MORE_THAN_TOTAL, absentHalfDays);
            }
        }
        Profiles.day(problems, ABSENCES_COUNTED_ON, absencesCountedOn, today, file);
        checkPath(problems, today, file);
        if (BeneficiaryRules.minorOn(file.birthDate(), today) && !isEmpty()) {
            if (parentalConsent.date() == null) {
                problems.add(PARENTAL_CONSENT_DATE, Rule.PARENTAL_CONSENT_REQUIRED);
            }
            problems.required(PARENTAL_CONSENT_BY, parentalConsent.givenBy());
        }
        Profiles.day(problems, PARENTAL_CONSENT_DATE, parentalConsent.date(), today, file);
        problems.maxLength(PARENTAL_CONSENT_BY, parentalConsent.givenBy(), ParentalConsent.GIVEN_BY_MAX);
        return problems.list();
    }

    private void checkPath(Problems problems, LocalDate today, Beneficiary file) {
        LocalDate previous = null;
        boolean gap = false;
        for (DropoutStep step : DropoutStep.values()) {
            LocalDate day = path.dateOf(step);
            String field = field(step);
            if (day == null) {
                gap = true;
                continue;
            }
            Profiles.day(problems, field, day, today, file);
            if (gap) {
                problems.add(field, Rule.STEP_SKIPPED);
            } else if (previous != null && day.isBefore(previous)) {
                problems.add(field, Rule.STEP_BEFORE_PREVIOUS, previous);
            }
            previous = day;
        }
        DropoutOutcome outcome = path.outcome();
        if (outcome == null) {
            if (path.outcomeOn() != null) {
                problems.add(OUTCOME, Rule.REQUIRED);
            }
            return;
        }
        problems.required(OUTCOME_ON, path.outcomeOn());
        Profiles.day(problems, OUTCOME_ON, path.outcomeOn(), today, file);
        boolean contacted = path.contactedOn() != null;
        if (path.spottedOn() == null || (outcome != DropoutOutcome.UNREACHABLE && !contacted)) {
            problems.add(OUTCOME, Rule.STEP_SKIPPED);
        }
        LocalDate last = path.lastStep().map(path::dateOf).orElse(null);
        if (path.outcomeOn() != null && last != null && path.outcomeOn().isBefore(last)) {
            problems.add(OUTCOME_ON, Rule.STEP_BEFORE_PREVIOUS, last);
        }
    }
}
