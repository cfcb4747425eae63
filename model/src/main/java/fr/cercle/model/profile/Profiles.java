package fr.cercle.model.profile;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Domain;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the three domain profiles share: their identity, made from their file's so that two
 * installations that start the same person's profile offline make one record, whose fields then merge
 * one by one (docs/decisions/0012); and the checks that tie a profile to its file.
 */
public final class Profiles {

    private Profiles() {
    }

    /** The identity of the profile of {@code domain} of a file: the same everywhere, never random. */
    public static UUID id(Domain domain, BeneficiaryId file) {
        return UUID.nameUUIDFromBytes(("cercle-profile:" + domain.name() + ":" + file.value())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A profile with something in it is only for a file followed in its domain. */
    static void inDomain(Problems problems, String field, boolean empty, Domain domain, Beneficiary file) {
        if (!empty && !file.domains().contains(domain)) {
            problems.add(field, Rule.NOT_IN_DOMAIN);
        }
    }

    /** A day of the person's life: not in the future, not before their birth. */
    static void day(Problems problems, String field, LocalDate day, LocalDate today, Beneficiary file) {
        problems.notInFuture(field, day, today);
        if (file.birthDate() != null && !file.birthDate().isAfter(today)) {
            problems.notBefore(field, day, file.birthDate());
        }
    }

    /** The person's age in whole years on {@code day}, if their birth date is known. */
    static Integer age(Beneficiary file, LocalDate day) {
        if (file.birthDate() == null || day == null || day.isBefore(file.birthDate())) {
            return null;
        }
        return java.time.Period.between(file.birthDate(), day).getYears();
    }
}
