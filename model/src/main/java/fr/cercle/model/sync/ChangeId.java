package fr.cercle.model.sync;

import fr.cercle.model.installation.DeviceId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one change everywhere: the device that made it and its sequence number on that device
 * (1, 2, 3… with no gap). Written {@code <device uuid>:<seq>} in the exchange format.
 */
public record ChangeId(DeviceId device, long seq) {

    private static final Pattern SEQUENCE = Pattern.compile("[1-9][0-9]{0,18}");

    public ChangeId {
        Objects.requireNonNull(device, "device");
        if (seq < 1) {
            throw new IllegalArgumentException("A device sequence number starts at 1: " + seq);
        }
    }

    /**
     * Reads the {@code <device uuid>:<seq>} form, the sequence number in decimal digits without a sign
     * or leading zero; throws {@link IllegalArgumentException} on anything else.
     */
    public static ChangeId parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || !SEQUENCE.matcher(text.substring(colon + 1)).matches()) {
            throw new IllegalArgumentException("Not a change id (device:sequence): " + text);
        }
        try {
            return new ChangeId(DeviceId.parse(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) { // a malformed device id, or a number beyond a long
            throw new IllegalArgumentException("Not a change id (device:sequence): " + text, e);
        }
    }

    @Override
    public String toString() {
        return device + ":" + seq;
    }
}
