package fr.cercle.model.alert;

import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When something becomes an alert: the thresholds an administrator sets for the installation, with
 * defaults that follow the field's practice.
 * <ul>
 * <li>No contact: days without anyone reaching the person, per domain; a file in several domains takes
 *     the shortest. Default 7 days for an elderly person (the isolated elderly person the heatwave and
 *     isolation practice calls every week), 14 otherwise. Until the elderly profile records whether the
 *     person lives alone, every file of the elderly domain counts as an isolated elderly person (the
 *     persistence's {@code AlertRepository.isolatedElderly} is where "lives alone" will narrow it).</li>
 * <li>Need unmet: days an open need may wait for a helper (default 14).</li>
 * <li>Helper inactive: days without any contribution recorded for an active helper (default 30).</li>
 * <li>Consent: it has no end date in law. Cercle asks to confirm it {@link #consentYears} years after it was
 *     given (default 2, the period the CNIL's guidance keeps a social support file after the last contact,
 *     as {@code RetentionPolicy} does); and a consent a parent or legal representative gave for a minor ends
 *     on the person's {@value BeneficiaryRules#AGE_OF_MAJORITY}th birthday, when they consent themself.
 *     See {@link #consentEnds}.</li>
 * <li>Background check (attestation d'honorabilité): valid {@link #backgroundCheckYears} years from the day
 *     it was issued (default 3, the structure's rule to check against the official text in force). See
 *     {@link #backgroundCheckEnds}.</li>
 * <li>"About to expire": the end is at most {@link #expiryNoticeDays} days ahead (default 30), or past.</li>
 * </ul>
 * Overdue follow-ups need no threshold: a follow-up is overdue the day after its due date.
 *
 * @param noContactDays days without contact per domain (every domain present)
 */
public record AlertSettings(Map<Domain, Integer> noContactDays, int needUnmetDays, int helperInactiveDays,
                            int consentYears, int backgroundCheckYears, int expiryNoticeDays) {

    public static final String NO_CONTACT_DAYS = "noContactDays";
    public static final String NEED_UNMET_DAYS = "needUnmetDays";
    public static final String HELPER_INACTIVE_DAYS = "helperInactiveDays";
    public static final String CONSENT_YEARS = "consentYears";
    public static final String BACKGROUND_CHECK_YEARS = "backgroundCheckYears";
    public static final String EXPIRY_NOTICE_DAYS = "expiryNoticeDays";

    public static final int ISOLATED_ELDERLY_DAYS = 7;
    public static final int OTHERWISE_DAYS = 14;
    public static final int DEFAULT_NEED_UNMET_DAYS = 14;
    public static final int DEFAULT_HELPER_INACTIVE_DAYS = 30;
    public static final int DEFAULT_CONSENT_YEARS = 2;
    public static final int DEFAULT_BACKGROUND_CHECK_YEARS = fr.cercle.model.helper.BackgroundCheck.DEFAULT_YEARS;
    public static final int DEFAULT_EXPIRY_NOTICE_DAYS = 30;
    public static final int MAX_DAYS = 365;
    public static final int MAX_YEARS = 10;
    public static final int MAX_NOTICE_DAYS = 180;

    public AlertSettings {
        Map<Domain, Integer> days = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            Integer value = noContactDays == null ? null : noContactDays.get(domain);
            days.put(domain, value == null ? defaultNoContactDays(domain) : value);
        }
        noContactDays = Collections.unmodifiableMap(days);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(Map.of(), DEFAULT_NEED_UNMET_DAYS, DEFAULT_HELPER_INACTIVE_DAYS,
                DEFAULT_CONSENT_YEARS, DEFAULT_BACKGROUND_CHECK_YEARS, DEFAULT_EXPIRY_NOTICE_DAYS);
    }

    /** The default days without contact in a domain: 7 for an (isolated) elderly person, 14 otherwise. */
    public static int defaultNoContactDays(Domain domain) {
        return domain == Domain.ELDERLY ? ISOLATED_ELDERLY_DAYS : OTHERWISE_DAYS;
    }

    /** The field of a domain's no-contact threshold, for its problems: {@code noContactDays.ELDERLY}. */
    public static String noContactField(Domain domain) {
        return NO_CONTACT_DAYS + "." + domain.name();
    }

    public int noContactDays(Domain domain) {
        return noContactDays.get(domain);
    }

    /** The threshold for a file in these domains: the shortest of theirs (the strictest care wins). */
    public int noContactDays(Set<Domain> domains) {
        return domains.stream().mapToInt(this::noContactDays).min().orElse(OTHERWISE_DAYS);
    }

    /** The same settings with one domain's no-contact threshold changed. */
    public AlertSettings withNoContactDays(Domain domain, int days) {
        Map<Domain, Integer> changed = new EnumMap<>(noContactDays);
        changed.put(domain, days);
        return new AlertSettings(changed, needUnmetDays, helperInactiveDays, consentYears, backgroundCheckYears,
                expiryNoticeDays);
    }

    /** Each value out of its range, with its field: days from 1 to 365, years from 1 to 10, notice from 1 to 180 days. */
    public List<Problem> validate() {
        Problems problems = new Problems();
        for (Domain domain : Domain.values()) {
            problems.between(noContactField(domain), noContactDays(domain), 1, MAX_DAYS);
        }
        return problems
                .between(NEED_UNMET_DAYS, needUnmetDays, 1, MAX_DAYS)
                .between(HELPER_INACTIVE_DAYS, helperInactiveDays, 1, MAX_DAYS)
                .between(CONSENT_YEARS, consentYears, 1, MAX_YEARS)
                .between(BACKGROUND_CHECK_YEARS, backgroundCheckYears, 1, MAX_YEARS)
                .between(EXPIRY_NOTICE_DAYS, expiryNoticeDays, 1, MAX_NOTICE_DAYS)
                .list();
    }

    /**
     * The day a consent ends: {@link #consentYears} years after it was given, or the person's
     * {@value BeneficiaryRules#AGE_OF_MAJORITY}th birthday if it was given while they were a minor and that
     * comes first. None for a consent not given (no date) or withdrawn.
     */
    public Optional<LocalDate> consentEnds(Consent consent, LocalDate birthDate) {
        if (consent == null || consent.date() == null || consent.withdrawn()) {
            return Optional.empty();
        }
        LocalDate end = consent.date().plusYears(consentYears);
        if (BeneficiaryRules.minorOn(birthDate, consent.date())) {
            LocalDate adult = birthDate.plusYears(BeneficiaryRules.AGE_OF_MAJORITY);
            end = adult.isBefore(end) ? adult : end;
        }
        return Optional.of(end);
    }

    /** The day a valid background check ends: {@link #backgroundCheckYears} years after its date. None if not valid or undated. */
    public Optional<LocalDate> backgroundCheckEnds(BackgroundCheck check) {
        return check == null ? Optional.empty() : check.ends(backgroundCheckYears);
    }

    /** Whether something ending on {@code end} is about to expire on {@code today}: at most the notice ahead, or past. */
    public boolean aboutToExpire(LocalDate end, LocalDate today) {
        return !end.isAfter(today.plusDays(expiryNoticeDays));
    }
}
