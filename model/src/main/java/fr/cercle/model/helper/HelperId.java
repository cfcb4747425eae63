package fr.cercle.model.helper;

import java.util.Objects;
import java.util.UUID;

/** The identity of a helper (a citizen who helps). A random UUID, made offline, never reused. */
public record HelperId(UUID value) {

    public HelperId {
        Objects.requireNonNull(value, "value");
    }

    public static HelperId newId() {
        return new HelperId(UUID.randomUUID());
    }

    public static HelperId parse(String text) {
        return new HelperId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
