package fr.cercle.model.contribution;

import java.util.Objects;
import java.util.UUID;

/** The identity of a contribution. A random UUID, made offline, never reused. */
public record ContributionId(UUID value) {

    public ContributionId {
        Objects.requireNonNull(value, "value");
    }

    public static ContributionId newId() {
        return new ContributionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
