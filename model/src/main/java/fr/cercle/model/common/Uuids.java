package fr.cercle.model.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids in their one text form: 32 hexadecimal digits in groups of 8-4-4-4-12, written in lower case
 * (either case is read). {@link UUID#fromString} also reads shortened groups, such as
 * {@code 1-1-1-1-1}; a program in another language would refuse those, so they are refused here too.
 */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** Reads an id in its canonical form; throws {@link IllegalArgumentException} on anything else. */
    public static UUID parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an id (8-4-4-4-12 hexadecimal digits): " + text);
        }
        return UUID.fromString(text);
    }
}
