package fr.cercle.model.beneficiary;

import java.util.Objects;
import java.util.UUID;

/** The identity of a person helped. A random UUID, made offline, never reused. */
public record BeneficiaryId(UUID value) {

    public BeneficiaryId {
        Objects.requireNonNull(value, "value");
    }

    public static BeneficiaryId newId() {
        return new BeneficiaryId(UUID.randomUUID());
    }

    public static BeneficiaryId parse(String text) {
        return new BeneficiaryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
