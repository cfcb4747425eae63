package fr.cercle.app.list;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One level of a list's sort: a column and its direction. */
public record SortSpec<C>(C column, boolean ascending) {

    public SortSpec {
        Objects.requireNonNull(column, "column");
    }

    /** The comparator of several levels, each column's comparator given by {@code comparators}. */
    public static <C, R> Comparator<R> comparator(List<SortSpec<C>> specs, java.util.function.Function<C, Comparator<R>> comparators) {
        Comparator<R> result = null;
        for (SortSpec<C> spec : specs) {
            Comparator<R> level = comparators.apply(spec.column());
            if (!spec.ascending()) {
                level = level.reversed();
            }
            result = result == null ? level : result.thenComparing(level);
        }
        return result;
    }
}
