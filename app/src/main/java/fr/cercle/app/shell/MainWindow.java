package fr.cercle.app.shell;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.beneficiary.BeneficiariesPage;
import fr.cercle.app.dashboard.DashboardPage;
import fr.cercle.app.heatwave.HeatwavePage;
import fr.cercle.app.helper.HelpersPage;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.audit.AuditPage;
import fr.cercle.app.settings.SettingsPage;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.app.sync.SyncPage;
import fr.cercle.app.today.TodayPage;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main window's content: the navigation on the left (one entry per area that exists, the
 * current one highlighted), the current area in the middle, a progress bar when a task lasts,
 * and short confirmations at the bottom.
 */
public final class MainWindow {

    /** The areas of the window, in the order of the navigation. */
    public enum Area {
        TODAY, DASHBOARD, BENEFICIARIES, HELPERS, HEATWAVE, AUDIT, SYNC, SETTINGS
    }

    private final AppContext context;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Area, Page> pages = new EnumMap<>(Area.class);
    private final Map<Area, ToggleButton> entries = new EnumMap<>(Area.class);
    private final Label toast = new Label();
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));
    private final Map<Area, Function<Void, Page>> factories;
    /** Held here: the sync outlives this window (a change of language builds another one). */
    private final InvalidationListener onDataChanged = obs -> pages.values().forEach(Page::refresh);
    private Area current;

    /**
     * @param relaunch rebuilds the window with another context (after a change of language)
     */
    public MainWindow(AppContext context, Consumer<AppContext> relaunch) {
        this.context = context;
        this.i18n = context.i18n();
        Consumer<String> notify = this::notify;
        this.factories = Map.of(
                Area.TODAY, v -> new TodayPage(context, this::openFile, this::openHelper),
                Area.DASHBOARD, v -> new DashboardPage(context, this::openFile, this::openHelper),
                Area.BENEFICIARIES, v -> new BeneficiariesPage(context, notify),
                Area.HELPERS, v -> new HelpersPage(context, notify),
                Area.HEATWAVE, v -> new HeatwavePage(context),
                Area.AUDIT, v -> new AuditPage(context),
                Area.SYNC, v -> new SyncPage(context, notify, () -> select(Area.SETTINGS)),
                Area.SETTINGS, v -> new SettingsPage(context, notify, relaunch));

        Label name = new Label(i18n.get("app.name"));
        name.getStyleClass().addAll(Styles.TITLE_3, "app-name");
        Label structure = new Label();
        structure.setWrapText(true);
        structure.getStyleClass().add(Styles.TEXT_MUTED);
        context.tasks().run(() -> context.installation().find(),
                found -> found.ifPresent(i -> structure.setText(i.structure().name())), e -> { });
        VBox navigation = new VBox(4, name, structure);
        navigation.getStyleClass().add("navigation");
        navigation.setPadding(new Insets(20, 12, 16, 12));
        navigation.setPrefWidth(290);
        navigation.setMinWidth(290);
        ToggleGroup group = new ToggleGroup();
        navigation.getChildren().add(spacer(16));
        // Only the areas this account needs to know: an administrator who follows no one has no files.
        // The day's work first: alerts and the week's agenda, for those who follow files or helpers.
        if (context.may(Subject.BENEFICIARY) || context.may(Subject.HELPER)) {
            navigation.getChildren().add(entry(group, Area.TODAY, "nav.today", Material2OutlinedMZ.TODAY));
        }
        // The dashboard: a caseworker's caseload, a coordinator's structure, an evaluator's counts.
        if (context.may(Subject.BENEFICIARY) || context.may(Subject.INDICATORS)) {
            navigation.getChildren().add(entry(group, Area.DASHBOARD, "nav.dashboard", Material2OutlinedAL.DASHBOARD));
        }
        if (context.may(Subject.BENEFICIARY)) {
            navigation.getChildren().add(entry(group, Area.BENEFICIARIES, "nav.beneficiaries", Material2OutlinedMZ.PEOPLE));
        }
        if (context.may(Subject.HELPER)) {
            navigation.getChildren().add(entry(group, Area.HELPERS, "nav.helpers", Material2OutlinedAL.EMOJI_PEOPLE));
        }
        // The heatwave register: for those who write files and see their elderly part.
        if (context.may(Subject.BENEFICIARY)
                && NeedToKnow.visibleParts(context.viewer()).contains(fr.cercle.model.access.Part.AUTONOMY)) {
            navigation.getChildren().add(entry(group, Area.HEATWAVE, "nav.heatwave", Material2OutlinedMZ.WB_SUNNY));
        }
        if (context.may(Subject.AUDIT)) {
            navigation.getChildren().add(entry(group, Area.AUDIT, "nav.audit", Material2OutlinedAL.HISTORY));
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        navigation.getChildren().addAll(grow, syncEntry(group),
                entry(group, Area.SETTINGS, "nav.settings", Material2OutlinedMZ.SETTINGS));
        Label author = new Label();
        author.setWrapText(true);
        author.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        author.textProperty().bind(Bindings.createStringBinding(() -> context.currentStaffProperty().get() == null ? ""
                : i18n.format("nav.author", context.currentStaffProperty().get().fullName()), context.currentStaffProperty()));
        navigation.getChildren().add(author);
        if (context.demo()) {
            Label demo = new Label(i18n.get("nav.demo"));
            demo.setWrapText(true);
            demo.getStyleClass().addAll("demo-badge", Styles.WARNING);
            navigation.getChildren().add(demo);
        }
        // Selecting an entry that is already selected must not unselect it: the current area stays visible.
        group.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null && old != null) {
                old.setSelected(true);
            }
        });

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add(Styles.SMALL);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        PauseTransition slow = new PauseTransition(Duration.millis(300));
        slow.setOnFinished(e -> progress.setVisible(context.tasks().runningProperty().get() > 0));
        context.tasks().runningProperty().addListener((obs, old, running) -> {
            if (running.intValue() > 0) {
                slow.playFromStart();
            } else {
                slow.stop();
                progress.setVisible(false);
            }
        });

        toast.setId("toast");
        toast.getStyleClass().addAll("toast", Styles.SUCCESS);
        toast.setGraphic(Icons.of(Material2OutlinedAL.CHECK_CIRCLE));
        toast.setVisible(false);
        toastTimer.setOnFinished(e -> toast.setVisible(false));
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new Insets(0, 0, 24, 0));
        StackPane center = new StackPane(content, toast);

        root.setLeft(navigation);
        root.setCenter(new VBox(progress, center));
        VBox.setVgrow(center, Priority.ALWAYS);
        root.getStyleClass().add("main-window");

        context.sync().dataChangesProperty().addListener(new WeakInvalidationListener(onDataChanged));
        select(startArea());
    }

    /**
     * The area the window opens on: the first of the navigation this account has. That is "Today" for
     * whoever follows files or helpers (the day's alerts and agenda: a caseworker's first question every
     * morning), the dashboard for an evaluator or an administrator who follows no one, else the settings.
     */
    public Area startArea() {
        for (Area area : Area.values()) {
            if (entries.containsKey(area)) {
                return area;
            }
        }
        return Area.SETTINGS;
    }

    /** The area shown now. */
    public Area currentArea() {
        return current;
    }

    public BorderPane node() {
        return root;
    }

    /** Ctrl+N for a new record and Ctrl+F for the search, in the current area. */
    public void installShortcuts() {
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        () -> page(current).newRecord());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        () -> page(current).focusSearch());
            }
        });
    }

    /** Shows an area; one this account may not see (not in the navigation) is not shown. */
    public void select(Area area) {
        ToggleButton entry = entries.get(area);
        if (entry == null) {
            return;
        }
        current = area;
        entry.setSelected(true);
        content.getChildren().setAll(page(area).node());
    }

    public Page page(Area area) {
        return pages.computeIfAbsent(area, a -> factories.get(a).apply(null));
    }

    /** Shows a person's file, in the beneficiaries area (from the alerts and the agenda). */
    public void openFile(BeneficiaryId id) {
        if (entries.containsKey(Area.BENEFICIARIES)) {
            select(Area.BENEFICIARIES);
            ((BeneficiariesPage) page(Area.BENEFICIARIES)).open(id);
        }
    }

    /** Shows a helper's record, in the helpers area (from the alerts). */
    public void openHelper(HelperId id) {
        if (entries.containsKey(Area.HELPERS)) {
            select(Area.HELPERS);
            ((HelpersPage) page(Area.HELPERS)).open(id);
        }
    }

    /**
     * Shows the sync area and imports an exchange file there, as its "import a file" button would:
     * what a double-click on a bundle file leads to.
     */
    public void importBundle(Path file) {
        select(Area.SYNC);
        ((SyncPage) page(Area.SYNC)).importFrom(file);
    }

    /** Shows a short confirmation, such as "File saved", for a few seconds. */
    public void notify(String message) {
        toast.setText(message);
        toast.setVisible(true);
        toastTimer.playFromStart();
    }

    private ToggleButton entry(ToggleGroup group, Area area, String key, Ikon icon) {
        ToggleButton button = new ToggleButton(i18n.get(key), Icons.of(icon, 20));
        button.setId("nav-" + area.name().toLowerCase(java.util.Locale.ROOT));
        button.setToggleGroup(group);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add("nav-entry");
        button.setOnAction(e -> select(area));
        entries.put(area, button);
        return button;
    }

    /** The sync's entry, with the number of conflicts waiting beside its label when there are some. */
    private ToggleButton syncEntry(ToggleGroup group) {
        ToggleButton button = entry(group, Area.SYNC, "nav.sync", Material2OutlinedMZ.SYNC);
        Label text = new Label(button.getText());
        text.getStyleClass().add("nav-label");
        StringBinding count = Bindings.createStringBinding(() -> {
            int conflicts = context.sync().statusProperty().get().conflicts();
            return conflicts == 0 ? "" : i18n.format("nav.sync.conflicts", conflicts);
        }, context.sync().statusProperty());
        Label badge = new Label();
        badge.setId("syncBadge");
        badge.textProperty().bind(count);
        badge.visibleProperty().bind(count.isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        badge.getStyleClass().add("nav-badge");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox graphic = new HBox(0, button.getGraphic(), text, grow, badge);
        HBox.setMargin(text, new Insets(0, 10, 0, 11));
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setMaxWidth(Double.MAX_VALUE);
        button.accessibleTextProperty().bind(Bindings.concat(button.getText(), " ", count));
        button.setText(null);
        button.setGraphic(graphic);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        return button;
    }

    private static Node spacer(double height) {
        Region region = new Region();
        region.setMinHeight(height);
        return region;
    }
}
