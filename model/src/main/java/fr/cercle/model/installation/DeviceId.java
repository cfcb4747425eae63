package fr.cercle.model.installation;

import fr.cercle.model.common.Uuids;

import java.util.Objects;
import java.util.UUID;

/** The identity of an installation of Cercle (a device); made at first start and used by sync. A random UUID, made offline, never reused. */
public record DeviceId(UUID value) {

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    public static DeviceId newId() {
        return new DeviceId(UUID.randomUUID());
    }

    /** Reads the canonical text form (see {@link Uuids}); throws {@link IllegalArgumentException} on anything else. */
    public static DeviceId parse(String text) {
        return new DeviceId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
