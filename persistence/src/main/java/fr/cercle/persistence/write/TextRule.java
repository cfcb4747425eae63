package fr.cercle.persistence.write;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a text field (or each item of a list field) may hold beyond its length: a closed list of
 * values, such as the names of an enum, or a form, such as an INSEE commune code. A value the
 * application could not read back is refused when it is received, not found later by a screen.
 */
public final class TextRule {

    private final List<String> choices;
    private final Predicate<String> test;
    private final String expected;

    private TextRule(List<String> choices, Predicate<String> test, String expected) {
        this.choices = List.copyOf(choices);
        this.test = Objects.requireNonNull(test, "test");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    /** The names of the enum's constants, in their declared order. */
    public static <E extends Enum<E>> TextRule oneOf(Class<E> type) {
        return oneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    public static TextRule oneOf(Collection<String> values) {
        List<String> choices = List.copyOf(values);
        Set<String> accepted = Set.copyOf(choices);
        return new TextRule(choices, accepted::contains, "one of " + String.join(", ", choices));
    }

    /** A form that a predicate checks; {@code expected} says it in words, such as "an INSEE commune code". */
    public static TextRule form(Predicate<String> test, String expected) {
        return new TextRule(List.of(), test, expected);
    }

    public boolean accepts(String value) {
        return test.test(value);
    }

    /** The closed list of values, in order; empty for a form. */
    public List<String> choices() {
        return choices;
    }

    /** What the value must be, in words, for error messages: "one of ACTIVE, PAUSED, CLOSED". */
    public String expected() {
        return expected;
    }

    @Override
    public String toString() {
        return expected;
    }
}
