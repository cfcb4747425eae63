package fr.cercle.model.validation;

import java.util.List;
import java.util.Objects;

/**
 * One thing to fix in a record: the field it concerns (the record component's name, such as
 * {@code "firstName"}), the rule broken and the values the message needs.
 */
public record Problem(String field, Rule rule, List<Object> args) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        args = List.copyOf(args);
    }

    public static Problem of(String field, Rule rule, Object... args) {
        return new Problem(field, rule, List.of(args));
    }

    @Override
    public String toString() {
        return field + ": " + rule + (args.isEmpty() ? "" : " " + args);
    }
}
