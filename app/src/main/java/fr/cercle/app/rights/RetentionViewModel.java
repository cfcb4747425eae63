package fr.cercle.app.rights;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.rights.RetentionPolicy;
import fr.cercle.persistence.rights.Retention;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The coordinator's retention settings: how many years a closed file is kept after its last change,
 * the preview of the files due for purging under that period, and their purge.
 */
public final class RetentionViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final IntegerProperty years = new SimpleIntegerProperty(this, "years",
            RetentionPolicy.DEFAULT_PURGE_AFTER.getYears());
    private final ObservableList<Retention.Due> due = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public RetentionViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    public IntegerProperty yearsProperty() {
        return years;
    }

    /** The files the last preview showed, oldest change first. */
    public ObservableList<Retention.Due> due() {
        return due;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private Retention retention() {
        return new Retention(context.database().dsl(), context.database().writer(), context.clock(), context.viewer());
    }

    /** Reads the period in force, then previews what it would purge. */
    public void load() {
        context.tasks().run(() -> Retention.policy(context.localSettings()), policy -> {
            years.set(policy.purgeAfter().getYears());
            preview();
        }, e -> failure.set(i18n.get("error.load")));
    }

    /** Records the period chosen, then previews again. */
    public void savePeriod() {
        RetentionPolicy policy = RetentionPolicy.ofYears(years.get());
        context.tasks().run(() -> {
            retention().setPolicy(context.localSettings(), policy);
            return policy;
        }, saved -> preview(), e -> failure.set(ProblemMessages.saveFailure(i18n, e)));
    }

    /** The closed files due for purging under the period shown. */
    public void preview() {
        RetentionPolicy policy = RetentionPolicy.ofYears(years.get());
        failure.set(null);
        busy.set(true);
        context.tasks().run(() -> retention().preview(policy), found -> {
            busy.set(false);
            due.setAll(found);
            summary.set(i18n.format("retention.due", found.size(), years.get()));
        }, e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    /** Purges the files the preview shows (after the view asked for confirmation); tells how many went. */
    public void purge(IntConsumer purged) {
        List<Retention.Due> shown = List.copyOf(due);
        RetentionPolicy policy = RetentionPolicy.ofYears(years.get());
        busy.set(true);
        context.tasks().run(() -> retention().purge(shown, policy, context.author()), count -> {
            busy.set(false);
            purged.accept(count);
            preview();
        }, e -> {
            busy.set(false);
            failure.set(ProblemMessages.saveFailure(i18n, e));
        });
    }
}
