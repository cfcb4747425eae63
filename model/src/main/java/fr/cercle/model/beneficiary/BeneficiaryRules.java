package fr.cercle.model.beneficiary;

import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.util.List;

/** What makes a beneficiary's file complete and plausible. Returns every problem, each with its field. */
public final class BeneficiaryRules {

    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 200;
    public static final int SITUATION_MAX = 4000;
    public static final int GUARDIAN_MAX = 200;
    /** Below this age on the day of consent, a parent or legal representative consents. */
    public static final int AGE_OF_MAJORITY = 18;
    /** Nobody alive was born before this date. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private BeneficiaryRules() {
    }

    /** Whether someone born on {@code birthDate} was a minor on {@code day} (false if either is unknown). */
    public static boolean minorOn(LocalDate birthDate, LocalDate day) {
        return birthDate != null && day != null && birthDate.plusYears(AGE_OF_MAJORITY).isAfter(day);
    }

    public static List<Problem> validate(Beneficiary b, LocalDate today) {
        Problems problems = new Problems()
                .requiredText(Beneficiary.FIRST_NAME, b.firstName(), NAME_MAX)
                .requiredText(Beneficiary.LAST_NAME, b.lastName(), NAME_MAX)
                .required(Beneficiary.BIRTH_DATE, b.birthDate())
                .notInFuture(Beneficiary.BIRTH_DATE, b.birthDate(), today)
                .notBefore(Beneficiary.BIRTH_DATE, b.birthDate(), EARLIEST_BIRTH_DATE)
                .maxLength(Beneficiary.ADDRESS_LINE, b.address().line(), ADDRESS_MAX)
                .required(Beneficiary.COMMUNE, b.address().commune())
                .phone(Beneficiary.PHONE, b.contact().phone())
                .email(Beneficiary.EMAIL, b.contact().email())
                .notEmpty(Beneficiary.DOMAINS, b.domains())
                .required(Beneficiary.STATUS, b.status())
                .required(Beneficiary.REFERENT, b.referent())
                .required(Beneficiary.CONSENT_DATE, b.consent().date())
                .notInFuture(Beneficiary.CONSENT_DATE, b.consent().date(), today)
                .required(Beneficiary.CONSENT_SCOPE, b.consent().scope())
                .required(Beneficiary.CONSENT_METHOD, b.consent().method())
                .maxLength(Beneficiary.CONSENT_GUARDIAN, b.consent().guardian(), GUARDIAN_MAX)
                .notInFuture(Beneficiary.CONSENT_WITHDRAWN_ON, b.consent().withdrawnOn(), today)
                .maxLength(Beneficiary.SITUATION, b.situation(), SITUATION_MAX);
        Consent consent = b.consent();
        boolean plausibleBirth = b.birthDate() != null && !b.birthDate().isAfter(today);
        if (plausibleBirth && minorOn(b.birthDate(), consent.date()) && consent.guardian() == null) {
            problems.add(Beneficiary.CONSENT_GUARDIAN, Rule.GUARDIAN_REQUIRED);
        }
        if (consent.withdrawnOn() != null && consent.date() != null && consent.withdrawnOn().isBefore(consent.date())) {
            problems.add(Beneficiary.CONSENT_WITHDRAWN_ON, Rule.BEFORE_CONSENT);
        }
        return problems.list();
    }
}
