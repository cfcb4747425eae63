package fr.cercle.persistence.demo;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.commune.Commune;
import fr.cercle.persistence.demo.PersonName.Gender;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes demo beneficiaries one at a time, so a generation of any size holds only the current batch.
 * Each file is consistent in itself: ages fit the domain (75 to 98 for the elderly, 25 to 80 for
 * chronic disease, 13 to 19 for pupils), first names fit the age, consent of a minor comes from a
 * legal representative, the referent works in the file's domain, dates are never after the
 * reference date.
 */
final class DemoBeneficiaries {

    /** The domain mix: the first domain decides age and situation, a few files have a second one. */
    private enum Profile {
        ELDERLY(Domain.ELDERLY, null),
        ELDERLY_AND_HEALTH(Domain.ELDERLY, Domain.HEALTH),
        HEALTH(Domain.HEALTH, null),
        SCHOOL(Domain.SCHOOL, null),
        SCHOOL_AND_HEALTH(Domain.SCHOOL, Domain.HEALTH);

        final Domain main;
        final Domain second;

        Profile(Domain main, Domain second) {
            this.main = main;
            this.second = second;
        }

        Set<Domain> domains() {
            return second == null ? EnumSet.of(main) : EnumSet.of(main, second);
        }
    }

    private static final int[] PUPIL_AGE_WEIGHTS = {1, 2, 3, 5, 5, 3, 2};
    private static final int YOUNGEST_PUPIL = 13;

    private final DemoRandom random;
    private final DemoTerritory territory;
    private final DemoStaff staff;
    private final DemoNames names;
    private final DemoTexts texts;
    private final LocalDate today;
    private final Commune mainTown;
    /** Half elderly, a quarter health, a quarter school; one file in ten with two domains. */
    private final Quota<Profile> profiles = Quota.<Profile>builder()
            .add(Profile.ELDERLY, 17).add(Profile.ELDERLY_AND_HEALTH, 3)
            .add(Profile.HEALTH, 10)
            .add(Profile.SCHOOL, 9).add(Profile.SCHOOL_AND_HEALTH, 1)
            .build();
    private final Quota<BeneficiaryStatus> statuses = Quota.<BeneficiaryStatus>builder()
            .add(BeneficiaryStatus.ACTIVE, 15).add(BeneficiaryStatus.PAUSED, 3).add(BeneficiaryStatus.CLOSED, 2)
            .build();

    DemoBeneficiaries(DemoRandom random, DemoTerritory territory, DemoStaff staff, DemoNames names, DemoTexts texts,
                      LocalDate today) {
        this.random = random;
        this.territory = territory;
        this.staff = staff;
        this.names = names;
        this.texts = texts;
        this.today = today;
        this.mainTown = territory.mainTown();
    }

    Beneficiary next() {
        BeneficiaryId id = new BeneficiaryId(random.uuid());
        Profile profile = profiles.next(random);
        BeneficiaryStatus status = statuses.next(random);
        int age = age(profile.main);
        LocalDate birthDate = random.birthDateForAge(today, age);
        Gender gender = random.chance(femaleShare(profile.main)) ? Gender.FEMALE : Gender.MALE;
        PersonName name = names.draw(random, gender, age);
        Commune commune = territory.draw(random);
        Address address = new Address(texts.addressLine(random, commune.equals(mainTown)), commune.mainPostalCode(),
                commune.code());
        Contact contact = contact(profile.main, name);
        Consent consent = consent(profile.main, birthDate, name);
        String situation = situation(profile, name, age, birthDate, consent);
        return new Beneficiary(id, name.firstName(), name.lastName(), birthDate, address, contact, profile.domains(),
                status, staff.referentFor(profile.main, random), consent, situation);
    }

    private int age(Domain domain) {
        return switch (domain) {
            // Peaks in the late eighties, as requests for help at home do.
            case ELDERLY -> 75 + (int) Math.round((random.unit() + random.unit()) / 2 * 23);
            // Chronic disease is commoner with age: the larger of two draws leans old.
            case HEALTH -> 25 + (int) (Math.max(random.unit(), random.unit()) * 56);
            case SCHOOL -> YOUNGEST_PUPIL + weightedIndex(PUPIL_AGE_WEIGHTS);
        };
    }

    private static double femaleShare(Domain domain) {
        return switch (domain) {
            case ELDERLY -> 0.65;
            case HEALTH -> 0.5;
            case SCHOOL -> 0.45;
        };
    }

    private Contact contact(Domain domain, PersonName name) {
        double phoneKind = random.unit();
        String phone;
        double emailShare;
        switch (domain) {
            case ELDERLY -> {
                phone = phoneKind < 0.80 ? texts.landline(random) : phoneKind < 0.95 ? texts.mobile(random) : null;
                emailShare = 0.05;
            }
            case HEALTH -> {
                phone = phoneKind < 0.40 ? texts.landline(random) : phoneKind < 0.95 ? texts.mobile(random) : null;
                emailShare = 0.35;
            }
            default -> {
                phone = phoneKind < 0.90 ? texts.mobile(random) : texts.landline(random);
                emailShare = 0.25;
            }
        }
        String email = random.chance(emailShare) ? texts.email(random, name) : null;
        return new Contact(phone, email);
    }

    private Consent consent(Domain domain, LocalDate birthDate, PersonName name) {
        LocalDate date = domain == Domain.SCHOOL
                ? random.daysBefore(today, 3, 400)
                : random.daysBefore(today, 7, 3 * 365);
        LocalDate twelfthBirthday = birthDate.plusYears(12);
        if (date.isBefore(twelfthBirthday)) {
            date = twelfthBirthday;
        }
        ConsentScope scope = scope(domain);
        boolean minorAtConsent = Period.between(birthDate, date).getYears() < 18;
        ConsentMethod method = minorAtConsent ? ConsentMethod.LEGAL_REPRESENTATIVE : adultMethod(domain);
        // A minor's parent consents; named from the family name, so that the random draws stay as they were.
        String guardian = minorAtConsent ? "Mme " + name.lastName() + ", sa mère" : null;
        return new Consent(date, scope, method, guardian, null);
    }

    private ConsentScope scope(Domain domain) {
        double draw = random.unit();
        double followUpOnly = domain == Domain.HEALTH ? 0.15 : 0.10;
        double withPartners = switch (domain) {
            case ELDERLY -> 0.20;
            case HEALTH -> 0.40;
            case SCHOOL -> 0.50;
        };
        if (draw < followUpOnly) {
            return ConsentScope.FOLLOW_UP;
        }
        return draw < 1 - withPartners ? ConsentScope.FOLLOW_UP_AND_HELPERS : ConsentScope.FOLLOW_UP_HELPERS_AND_PARTNERS;
    }

    private ConsentMethod adultMethod(Domain domain) {
        double draw = random.unit();
        return switch (domain) {
            // Some elderly people are under guardianship: their representative consents.
            case ELDERLY -> draw < 0.06 ? ConsentMethod.LEGAL_REPRESENTATIVE
                    : draw < 0.70 ? ConsentMethod.SIGNED_FORM
                    : draw < 0.98 ? ConsentMethod.ORAL : ConsentMethod.ELECTRONIC;
            case HEALTH -> draw < 0.02 ? ConsentMethod.LEGAL_REPRESENTATIVE
                    : draw < 0.57 ? ConsentMethod.SIGNED_FORM
                    : draw < 0.82 ? ConsentMethod.ORAL : ConsentMethod.ELECTRONIC;
            case SCHOOL -> draw < 0.60 ? ConsentMethod.SIGNED_FORM
                    : draw < 0.80 ? ConsentMethod.ORAL : ConsentMethod.ELECTRONIC;
        };
    }

    /** Most files carry a sentence or two; an adult's guardianship is always written down. */
    private String situation(Profile profile, PersonName name, int age, LocalDate birthDate, Consent consent) {
        boolean female = name.female();
        StringBuilder text = new StringBuilder();
        if (random.chance(0.88)) {
            text.append(switch (profile.main) {
                case ELDERLY -> texts.elderlySituation(random, female);
                case HEALTH -> texts.healthSituation(random, female);
                case SCHOOL -> texts.schoolSituation(random, female, age);
            });
            if (profile.second == Domain.HEALTH && random.chance(0.6)) {
                append(text, texts.healthSituation(random, female));
            }
            if (random.chance(0.2)) {
                append(text, texts.context(random, female));
            }
        }
        if (name.otherLanguage() != null && age >= 60 && random.chance(0.6)) {
            append(text, texts.preferredLanguage(name.otherLanguage()));
        }
        boolean adultAtConsent = Period.between(birthDate, consent.date()).getYears() >= 18;
        if (adultAtConsent && consent.method() == ConsentMethod.LEGAL_REPRESENTATIVE) {
            append(text, texts.guardianship(female));
        }
        return text.length() == 0 ? null : text.toString();
    }

    private static void append(StringBuilder text, String sentence) {
        if (sentence == null) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(sentence);
    }

    private int weightedIndex(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int drawn = random.below(total);
        for (int i = 0; i < weights.length; i++) {
            drawn -= weights[i];
            if (drawn < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
