package fr.cercle.model.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The official code of a French commune: five characters, digits except Corsica's 2A and 2B.
 * Communes are always stored by this code, never by their name.
 */
public record InseeCode(String value) implements Comparable<InseeCode> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2}|2A|2B)\\d{3}");

    public InseeCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an INSEE commune code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(InseeCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
