package fr.cercle.app.dashboard;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.model.common.Domain;
import fr.cercle.model.dashboard.Dashboard;
import fr.cercle.model.dashboard.DashboardLine;
import fr.cercle.model.dashboard.DashboardList;
import fr.cercle.model.dashboard.DropoutFigures;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.dashboard.MonthHours;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.persistence.dashboard.DashboardRepository;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard: the figures of the structure's activity as the signed-in account may see them, as
 * tiles and the points of two charts, and the list behind a tile once it is opened (a page at a time).
 * The figures are computed by the database on the task runner; every text is made here, in the
 * interface's language, so the view only lays them out.
 */
public final class DashboardViewModel {

    /** Lines of the list behind a figure read at a time. */
    public static final int PAGE = 50;

    /**
     * A figure as a tile: its value, what it is, a line of context; {@code opens} if its list may be opened.
     * For the dropout figures, {@code step} or {@code outcome} narrows the list to one bar of the chart.
     */
    public record Tile(String id, Figure figure, Domain domain, String value, String label, String hint, boolean opens,
                       DropoutStep step, DropoutOutcome outcome) {

        public Tile(String id, Figure figure, Domain domain, String value, String label, String hint, boolean opens) {
            this(id, figure, domain, value, label, hint, opens, null, null);
        }
    }

    /** A bar of the dropout chart: a step (the young people there now) or an outcome (the last twelve months'). */
    public record DropoutBar(String label, int value, boolean outcome, Tile tile) {
    }

    /** A bar of a chart: its label and its value. */
    public record Bar(String label, double value) {
    }

    /** A line of the list behind a figure: the name, and what matters for this figure, in words. */
    public record Row(DashboardLine line, String name, String detail) {
    }

    private final AppContext context;
    private final I18n i18n;
    private final IntegerProperty noContactDays = new SimpleIntegerProperty(this, "noContactDays",
            Dashboard.DEFAULT_NO_CONTACT_DAYS);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper(this, "asOf", "");
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<Bar> hours = FXCollections.observableArrayList();
    private final ObservableList<Bar> domains = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Tile> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyStringWrapper listTitle = new ReadOnlyStringWrapper(this, "listTitle", "");
    private final ReadOnlyStringWrapper listCount = new ReadOnlyStringWrapper(this, "listCount", "");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<DropoutBar> dropout = FXCollections.observableArrayList();
    private final ObservableList<Tile> dropoutTiles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dropoutShown = new ReadOnlyBooleanWrapper(this, "dropoutShown");
    /** Counts the loads, so that an answer overtaken by a newer request is dropped. */
    private int generation;

    public DashboardViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    // Properties

    /** The days without contact beyond which a person is counted; {@value Dashboard#DEFAULT_NO_CONTACT_DAYS} unless changed. */
    public IntegerProperty noContactDaysProperty() {
        return noContactDays;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ObservableList<Tile> tiles() {
        return FXCollections.unmodifiableObservableList(tiles);
    }

    /** Citizen hours per month, the last twelve months, oldest first. */
    public ObservableList<Bar> hours() {
        return FXCollections.unmodifiableObservableList(hours);
    }

    /** Active people per domain. */
    public ObservableList<Bar> domains() {
        return FXCollections.unmodifiableObservableList(domains);
    }

    /** The tile whose list is open, or null when the figures are shown. */
    public ReadOnlyObjectProperty<Tile> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listTitleProperty() {
        return listTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listCountProperty() {
        return listCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The dropout path: the steps, then the outcomes, each opening its list (empty until shown). */
    public ObservableList<DropoutBar> dropout() {
        return FXCollections.unmodifiableObservableList(dropout);
    }

    /** The young people followed now, and the solutions found in twelve months. */
    public ObservableList<Tile> dropoutTiles() {
        return FXCollections.unmodifiableObservableList(dropoutTiles);
    }

    /** Whether the dropout figures are shown: for who sees school files, or counts only for an evaluator. */
    public ReadOnlyBooleanProperty dropoutShownProperty() {
        return dropoutShown.getReadOnlyProperty();
    }

    // Commands

    /** Computes the figures in the background; the tiles and charts follow. */
    public void load() {
        int days = noContactDays.get();
        int request = ++generation;
        loading.set(true);
        failure.set(null);
        loadDropout(request);
        context.tasks().run(() -> repository().load(days), dashboard -> {
            if (request != generation) {
                return;
            }
            show(dashboard);
            loading.set(false);
            loaded.set(true);
        }, e -> {
            if (request == generation) {
                loading.set(false);
                failure.set(i18n.get("dashboard.failed"));
            }
        });
    }

    /** The data changed: the figures are computed again, and an open list read again from its start. */
    public void refresh() {
        load();
        Tile tile = opened.get();
        if (tile != null) {
            open(tile);
        }
    }

    /** Opens the list behind a tile: its first {@value #PAGE} lines. */
    public void open(Tile tile) {
        if (!tile.opens()) {
            return;
        }
        opened.set(tile);
        listTitle.set(tile.label());
        rows.clear();
        listCount.set("");
        hasMore.set(false);
        read(tile, 0);
    }

    /** Reads the next lines of the open list. */
    public void more() {
        Tile tile = opened.get();
        if (tile != null && hasMore.get()) {
            read(tile, rows.size());
        }
    }

    /** Back to the figures. */
    public void closeList() {
        opened.set(null);
        rows.clear();
    }

    private void read(Tile tile, int offset) {
        int days = noContactDays.get();
        loading.set(true);
        context.tasks().run(() -> lines(tile, days, offset), list -> {
            loading.set(false);
            if (opened.get() != tile) {
                return;
            }
            if (offset == 0) {
                rows.clear();
            }
            for (DashboardLine line : list.lines()) {
                rows.add(new Row(line, line.name(), detail(tile.figure(), line)));
            }
            listCount.set(i18n.format("dashboard.list.count", rows.size(), list.total()));
            hasMore.set(list.hasMore());
        }, e -> {
            loading.set(false);
            failure.set(i18n.get("dashboard.failed"));
        });
    }

    /** The dropout figures, read beside the others (a task of their own). */
    private void loadDropout(int request) {
        context.tasks().run(() -> {
            DashboardRepository repository = repository();
            return repository.mayCountDropout() ? repository.dropout() : null;
        }, figures -> {
            if (request == generation) {
                showDropout(figures);
            }
        }, e -> {
            if (request == generation) {
                failure.set(i18n.get("dashboard.failed"));
            }
        });
    }

    private void showDropout(DropoutFigures d) {
        dropoutShown.set(d != null);
        if (d == null) {
            dropout.clear();
            dropoutTiles.clear();
            return;
        }
        DashboardRepository access = repository();
        boolean opens = access.mayOpen(Figure.DROPOUT_FOLLOWED);
        List<DropoutBar> bars = new ArrayList<>();
        for (DropoutStep step : DropoutStep.values()) {
            int count = d.followed().get(step);
            bars.add(new DropoutBar(i18n.label(step), count, false, new Tile("dropout-" + step.name().toLowerCase(Locale.ROOT),
                    Figure.DROPOUT_FOLLOWED, null, number(count), i18n.format("dashboard.dropout.atStep", i18n.label(step)),
                    "", opens, step, null)));
        }
        for (DropoutOutcome outcome : DropoutOutcome.values()) {
            int count = d.outcomes().get(outcome);
            bars.add(new DropoutBar(i18n.label(outcome), count, true, new Tile("dropout-" + outcome.name().toLowerCase(Locale.ROOT),
                    Figure.DROPOUT_OUTCOMES, null, number(count), i18n.format("dashboard.dropout.withOutcome", i18n.label(outcome)),
                    "", opens, null, outcome)));
        }
        dropout.setAll(bars);
        dropoutTiles.setAll(List.of(
                tile("dropoutFollowed", Figure.DROPOUT_FOLLOWED, null, number(d.totalFollowed()),
                        i18n.get("dashboard.dropout.followed"), i18n.get("dashboard.dropout.followed.hint"), access),
                tile("dropoutSolutions", Figure.DROPOUT_OUTCOMES, null, number(d.solutions()),
                        i18n.get("dashboard.dropout.solutions"), i18n.format("dashboard.dropout.solutions.hint", d.totalEnded()),
                        access)));
    }

    private DashboardList lines(Tile tile, int days, int offset) {
        DashboardRepository repository = repository();
        return switch (tile.figure()) {
            case DROPOUT_FOLLOWED -> repository.dropoutFollowed(tile.step(), offset, PAGE);
            case DROPOUT_OUTCOMES -> repository.dropoutOutcomes(tile.outcome(), offset, PAGE);
            default -> repository.lines(tile.figure(), tile.domain(), days, offset, PAGE);
        };
    }

    private DashboardRepository repository() {
        return new DashboardRepository(context.database().dsl(), context.clock(), context.viewer());
    }

    private void show(Dashboard d) {
        asOf.set(i18n.format("dashboard.asOf", i18n.date(d.asOf())));
        DashboardRepository access = repository();
        List<Tile> made = new ArrayList<>();
        made.add(tile("active", Figure.ACTIVE_BENEFICIARIES, null, number(d.activeBeneficiaries()),
                i18n.get("dashboard.active"), i18n.get("dashboard.active.hint"), access));
        for (Domain domain : Domain.values()) {
            made.add(tile("active-" + domain.name().toLowerCase(Locale.ROOT), Figure.ACTIVE_BENEFICIARIES, domain,
                    number(d.activeByDomain().get(domain)), i18n.label(domain), i18n.get("dashboard.domain.hint"), access));
        }
        made.add(tile("helpers", Figure.ACTIVE_HELPERS, null, number(d.activeHelpers()), i18n.get("dashboard.helpers"),
                i18n.get("dashboard.helpers.hint"), access));
        made.add(tile("hours", Figure.HOURS_THIS_MONTH, null, duration(d.minutesThisMonth()), i18n.get("dashboard.hours"),
                i18n.format("dashboard.hours.hint", month(d.hours().get(d.hours().size() - 1))), access));
        made.add(tile("unmet", Figure.UNMET_NEEDS, null, number(d.unmetNeeds()), i18n.get("dashboard.unmet"),
                i18n.get("dashboard.unmet.hint"), access));
        made.add(tile("match", Figure.MATCHED_NEEDS, null,
                d.medianDaysToMatch().isPresent() ? i18n.format("dashboard.days", d.medianDaysToMatch().getAsDouble()) : "—",
                i18n.get("dashboard.match"), i18n.format("dashboard.match.hint", d.matchedNeeds()), access));
        made.add(tile("noContact", Figure.NO_CONTACT, null, number(d.beyondNoContact()),
                i18n.format("dashboard.noContact", d.noContactDays()), i18n.get("dashboard.noContact.hint"), access));
        made.add(tile("followUps", Figure.FOLLOW_UPS_DUE, null, number(d.followUpsDue()), i18n.get("dashboard.followUps"),
                i18n.get("dashboard.followUps.hint"), access));
        tiles.setAll(made);

        List<Bar> months = new ArrayList<>();
        for (MonthHours m : d.hours()) {
            months.add(new Bar(month(m), Math.round(m.hours() * 10) / 10.0));
        }
        hours.setAll(months);
        List<Bar> perDomain = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            perDomain.add(new Bar(i18n.label(domain), d.activeByDomain().get(domain)));
        }
        domains.setAll(perDomain);
    }

    private static Tile tile(String id, Figure figure, Domain domain, String value, String label, String hint,
                             DashboardRepository access) {
        return new Tile(id, figure, domain, value, label, hint, access.mayOpen(figure));
    }

    private String detail(Figure figure, DashboardLine line) {
        return switch (figure) {
            case ACTIVE_BENEFICIARIES -> i18n.get("dashboard.line.file");
            case ACTIVE_HELPERS -> i18n.get("dashboard.line.helper");
            case HOURS_THIS_MONTH -> i18n.format("dashboard.line.contribution", i18n.date(line.date()),
                    duration(line.amount()));
            case UNMET_NEEDS -> i18n.format("dashboard.line.unmet", i18n.date(line.date()), line.amount());
            case MATCHED_NEEDS -> i18n.format("dashboard.line.matched", i18n.date(line.date()), line.amount());
            case NO_CONTACT -> line.date() == null ? i18n.get("dashboard.line.neverContacted")
                    : i18n.format("dashboard.line.lastContact", i18n.date(line.date()), line.amount());
            case FOLLOW_UPS_DUE -> i18n.format("dashboard.line.due", i18n.date(line.date()), line.amount());
            case DROPOUT_FOLLOWED -> i18n.format("dashboard.line.dropoutStep", i18n.date(line.date()), line.amount(),
                    i18n.label(DropoutStep.valueOf(line.kind())));
            case DROPOUT_OUTCOMES -> i18n.format("dashboard.line.dropoutOutcome", i18n.date(line.date()),
                    i18n.label(DropoutOutcome.valueOf(line.kind())));
        };
    }

    private String number(int value) {
        return String.format(i18n.locale(), "%,d", value);
    }

    private String duration(long minutes) {
        return minutes % 60 == 0 ? i18n.format("dashboard.hoursOnly", minutes / 60)
                : i18n.format("dashboard.hoursMinutes", minutes / 60, minutes % 60);
    }

    private String month(MonthHours m) {
        String name = m.month().getMonth().getDisplayName(TextStyle.SHORT, i18n.locale());
        return name + " " + String.valueOf(m.month().getYear()).substring(2);
    }
}
