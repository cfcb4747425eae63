package fr.cercle.app.list;

import fr.cercle.model.common.Text;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A searchable, filterable, sortable list for tables of up to a few hundred thousand rows.
 * <p>
 * A {@code FilteredList} inside a {@code SortedList} re-sorts everything on each keystroke when a
 * column sort is active (600 ms and more for 100,000 rows on two cores). Here the rows are kept
 * sorted once, when the sort changes; a search only scans them in order against a search text
 * folded in advance (no accents, lower case), so the result is already sorted. A search that
 * extends the previous one scans the previous result only. The visible rows are replaced in one
 * change. See {@code docs/performance.md}.
 *
 * @param <R> the row type
 */
public final class LiveList<R> {

    private final Function<R, String> searchText;
    private final Function<R, Object> identity;
    private final ObservableList<R> visible = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");

    private List<R> all = new ArrayList<>();
    private Comparator<R> comparator;
    private Predicate<R> filter = row -> true;
    private String query = "";
    private String[] tokens = new String[0];

    /**
     * @param searchText the text a search matches, already folded with {@link Text#fold(String)}
     * @param identity   what identifies a row across reloads (its record id)
     */
    public LiveList(Function<R, String> searchText, Function<R, Object> identity) {
        this.searchText = searchText;
        this.identity = identity;
    }

    /** The rows that match the search and the filter, in sort order. Changes in one event per update. */
    public ObservableList<R> visible() {
        return visible;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public List<R> all() {
        return Collections.unmodifiableList(all);
    }

    public void setAll(Collection<R> rows) {
        all = new ArrayList<>(rows);
        if (comparator != null) {
            all.sort(comparator);
        }
        total.set(all.size());
        refresh(false);
    }

    /** Adds the row, or replaces the row with the same identity, at its sorted place. */
    public void upsert(R row) {
        Object id = identity.apply(row);
        all.removeIf(existing -> Objects.equals(identity.apply(existing), id));
        if (comparator == null) {
            all.add(row);
        } else {
            int at = Collections.binarySearch(all, row, comparator);
            all.add(at < 0 ? -at - 1 : at, row);
        }
        total.set(all.size());
        refresh(false);
    }

    /** What the user typed; words may come in any order and match anywhere in the search text. */
    public void setQuery(String typed) {
        String folded = Text.fold(typed);
        if (folded.equals(query)) {
            return;
        }
        boolean narrower = !query.isEmpty() && folded.startsWith(query);
        query = folded;
        tokens = folded.isEmpty() ? new String[0] : folded.split(" ");
        refresh(narrower);
    }

    public void setFilter(Predicate<R> newFilter) {
        filter = Objects.requireNonNull(newFilter, "filter");
        refresh(false);
    }

    /** Sorts the rows once; later searches keep this order. A {@code null} comparator keeps the load order. */
    public void sort(Comparator<R> newComparator) {
        comparator = newComparator;
        if (comparator != null) {
            all.sort(comparator);
        }
        refresh(false);
    }

    private void refresh(boolean narrower) {
        List<R> source = narrower ? new ArrayList<>(visible) : all;
        List<R> result = new ArrayList<>(Math.min(source.size(), 1024));
        for (R row : source) {
            if (matches(row)) {
                result.add(row);
            }
        }
        visible.setAll(result);
    }

    private boolean matches(R row) {
        if (tokens.length > 0) {
            String text = searchText.apply(row);
            for (String token : tokens) {
                if (!text.contains(token)) {
                    return false;
                }
            }
        }
        return filter.test(row);
    }
}
