package fr.cercle.model.need;

import java.util.Objects;
import java.util.UUID;

/** The identity of a need. A random UUID, made offline, never reused. */
public record NeedId(UUID value) {

    public NeedId {
        Objects.requireNonNull(value, "value");
    }

    public static NeedId newId() {
        return new NeedId(UUID.randomUUID());
    }

    public static NeedId parse(String text) {
        return new NeedId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
