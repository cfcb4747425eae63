package fr.cercle.model.staff;

import java.util.Objects;
import java.util.UUID;

/** The identity of a staff member. A random UUID, made offline, never reused. */
public record StaffId(UUID value) {

    public StaffId {
        Objects.requireNonNull(value, "value");
    }

    public static StaffId newId() {
        return new StaffId(UUID.randomUUID());
    }

    public static StaffId parse(String text) {
        return new StaffId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
