package fr.cercle.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An entry of a filter menu: a value, or {@code null} for "all", with the words it shows. */
public record FilterChoice<T>(T value, String label) {

    /** "All …" first, then one entry per value. */
    public static <T> List<FilterChoice<T>> withAll(String all, List<T> values, Function<T, String> label) {
        List<FilterChoice<T>> choices = new ArrayList<>();
        choices.add(new FilterChoice<>(null, all));
        values.forEach(v -> choices.add(new FilterChoice<>(v, label.apply(v))));
        return choices;
    }

    @Override
    public String toString() {
        return label;
    }
}
