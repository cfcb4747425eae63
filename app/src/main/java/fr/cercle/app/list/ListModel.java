package fr.cercle.app.list;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every list screen's view model shares: rows loaded in the background into a {@link LiveList},
 * the search text, the sort, the count ("12 of 152"), loading and failure states.
 *
 * @param <R> the row type
 * @param <C> the sortable-column type
 */
public final class ListModel<R, C> {

    private final TaskRunner tasks;
    private final I18n i18n;
    private final Function<C, Comparator<R>> comparators;
    private final LiveList<R> list;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final StringBinding count;
    private List<SortSpec<C>> sort = List.of();

    /**
     * @param countKey         the text of the count, with the total as {0}
     * @param filteredCountKey the text of the count when filtered, with {0} shown of {1}
     */
    public ListModel(TaskRunner tasks, I18n i18n, LiveList<R> list, Function<C, Comparator<R>> comparators,
                     String countKey, String filteredCountKey) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.list = list;
        this.comparators = comparators;
        search.addListener((obs, old, typed) -> list.setQuery(typed));
        count = Bindings.createStringBinding(() -> {
            int shown = list.visible().size();
            int total = list.totalProperty().get();
            return shown == total ? i18n.format(countKey, total) : i18n.format(filteredCountKey, shown, total);
        }, list.visible(), list.totalProperty());
    }

    public ObservableList<R> rows() {
        return list.visible();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return list.totalProperty();
    }

    public StringBinding countText() {
        return count;
    }

    /** Loads every row in the background (building rows there too, off the JavaFX thread). */
    public void load(Callable<List<R>> rows) {
        loading.set(true);
        error.set(null);
        tasks.run(rows, loaded -> {
            list.setAll(loaded);
            loading.set(false);
        }, e -> {
            loading.set(false);
            error.set(i18n.get("error.load"));
        });
    }

    /** Sorts by these columns; asking again for the same sort does nothing. */
    public void sortBy(List<SortSpec<C>> specs) {
        if (specs.equals(sort)) {
            return;
        }
        sort = List.copyOf(specs);
        list.sort(specs.isEmpty() ? null : SortSpec.comparator(specs, comparators));
    }

    public void setFilter(Predicate<R> filter) {
        list.setFilter(filter);
    }

    public void upsert(R row) {
        list.upsert(row);
    }

    public void failed() {
        error.set(i18n.get("error.load"));
    }
}
