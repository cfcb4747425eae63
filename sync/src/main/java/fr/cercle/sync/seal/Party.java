package fr.cercle.sync.seal;

import fr.cercle.model.installation.DeviceId;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Who seals or opens a bundle: an installation ({@code device:<uuid>}) or the central server
 * ({@code server:<uuid>}, a random id made at its first start).
 */
public record Party(Kind kind, UUID id) {

    public enum Kind { DEVICE, SERVER }

    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Party device(DeviceId device) {
        return new Party(Kind.DEVICE, device.value());
    }

    public static Party server(UUID id) {
        return new Party(Kind.SERVER, id);
    }

    public DeviceId deviceId() {
        if (kind != Kind.DEVICE) {
            throw new IllegalStateException(this + " is not a device");
        }
        return new DeviceId(id);
    }

    /** Reads {@code device:<uuid>} or {@code server:<uuid>}. */
    public static Party parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a party (device:<id> or server:<id>): " + text);
        }
        Kind kind = switch (text.substring(0, colon)) {
            case "device" -> Kind.DEVICE;
            case "server" -> Kind.SERVER;
            default -> throw new IllegalArgumentException("Not a party (device:<id> or server:<id>): " + text);
        };
        return new Party(kind, UUID.fromString(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
