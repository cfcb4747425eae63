package fr.cercle.app.today;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Banner;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.alert.AlertKind;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The "Today" area: what needs attention (the alerts, grouped by kind, each line opening the person's
 * file or the helper), and the week's agenda (planned contacts, done ones ticked, late ones marked).
 * It reads everything again each time it is shown and when data come from elsewhere.
 */
public final class TodayPage implements Page {

    private final TodayViewModel model;
    private final I18n i18n;
    private final Consumer<BeneficiaryId> openFile;
    private final Consumer<HelperId> openHelper;
    private final ScrollPane root;
    private final VBox alertGroups = new VBox(12);
    private final VBox agendaLines = new VBox(6);

    /**
     * @param openFile   shows a person's file (in the beneficiaries area)
     * @param openHelper shows a helper's record (in the helpers area)
     */
    public TodayPage(AppContext context, Consumer<BeneficiaryId> openFile, Consumer<HelperId> openHelper) {
        this.model = new TodayViewModel(context);
        this.i18n = context.i18n();
        this.openFile = openFile;
        this.openHelper = openHelper;

        Label title = new Label(i18n.get("today.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label date = new Label();
        date.setId("todayDate");
        date.getStyleClass().add(Styles.TEXT_MUTED);
        date.textProperty().bind(model.dateProperty());
        Label failure = new Label();
        failure.setWrapText(true);
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Label heatwave = Banner.of("todayHeatwave", Icons.of(Material2OutlinedMZ.WB_SUNNY), Styles.WARNING,
                model.heatwaveProperty());

        VBox content = new VBox(16, new VBox(2, title, date), failure, heatwave, alertsSection(), agendaSection());
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(1000);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("today");

        model.alerts().addListener((ListChangeListener<TodayViewModel.AlertGroup>) change -> drawAlerts());
        model.agenda().addListener((ListChangeListener<TodayViewModel.AgendaLine>) change -> drawAgenda());
        model.loadedProperty().addListener((obs, was, loaded) -> drawAlerts());
        // Shown again (from another area): read again, the day's work moves on.
        root.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                model.load();
            }
        });
        drawAgenda();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        model.load();
    }

    public TodayViewModel model() {
        return model;
    }

    private Node alertsSection() {
        Label heading = new Label(i18n.get("today.alerts.title"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("alertsSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.alertsSummaryProperty());
        alertGroups.setId("alerts");
        return new VBox(8, heading, summary, alertGroups);
    }

    private Node agendaSection() {
        Label heading = new Label(i18n.get("today.agenda.title"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Button previous = new Button(i18n.get("today.week.previous"), Icons.of(Material2OutlinedAL.CHEVRON_LEFT));
        previous.setId("previousWeek");
        previous.setOnAction(e -> model.previousWeek());
        Button current = new Button(i18n.get("today.week.current"));
        current.setId("thisWeek");
        current.setOnAction(e -> model.thisWeek());
        Button next = new Button(i18n.get("today.week.next"), Icons.of(Material2OutlinedAL.CHEVRON_RIGHT));
        next.setId("nextWeek");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> model.nextWeek());
        HBox buttons = new HBox(8, previous, current, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (model.mayChooseAllFiles()) {
            CheckBox all = new CheckBox(i18n.get("today.agenda.allFiles"));
            all.setId("agendaAllFiles");
            all.selectedProperty().bindBidirectional(model.allFilesProperty());
            Region space = new Region();
            HBox.setHgrow(space, Priority.ALWAYS);
            buttons.getChildren().addAll(space, all);
        }
        Label week = new Label();
        week.setId("weekTitle");
        week.getStyleClass().add(Styles.TEXT_BOLD);
        week.textProperty().bind(model.weekTitleProperty());
        Label summary = new Label();
        summary.setId("weekSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.weekSummaryProperty());
        agendaLines.setId("agenda");
        VBox card = new VBox(10, buttons, new VBox(2, week, summary), agendaLines);
        card.setPadding(new Insets(14));
        card.getStyleClass().add("card-box");
        return new VBox(8, heading, card);
    }

    private void drawAlerts() {
        alertGroups.getChildren().clear();
        if (model.alerts().isEmpty()) {
            if (model.loadedProperty().get()) {
                Label none = new Label(i18n.get("today.alerts.noneDetail"), Icons.of(Material2OutlinedAL.CHECK_CIRCLE, 20));
                none.setId("alertsNone");
                none.setWrapText(true);
                none.getStyleClass().addAll("banner", Styles.SUCCESS);
                alertGroups.getChildren().add(none);
            }
            return;
        }
        FlowPane cards = new FlowPane(12, 12);
        cards.setPrefWrapLength(900);
        for (TodayViewModel.AlertGroup group : model.alerts()) {
            Label title = new Label(group.title(), Icons.of(icon(group.kind()), 20));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, "alert-title");
            VBox card = new VBox(4, title);
            card.setId("alerts-" + group.kind().name());
            card.getStyleClass().addAll("alert-card", group.kind().aboutHelper() ? "helper" : "person");
            card.setPadding(new Insets(10, 14, 12, 14));
            card.setPrefWidth(440);
            for (TodayViewModel.AlertLine line : group.lines()) {
                Hyperlink link = new Hyperlink(line.text());
                link.getStyleClass().add("alert-line");
                link.setWrapText(true);
                link.setUserData(line);
                link.setOnAction(e -> open(line));
                card.getChildren().add(link);
            }
            if (group.more() != null) {
                Label more = new Label(group.more());
                more.getStyleClass().add(Styles.TEXT_MUTED);
                card.getChildren().add(more);
            }
            cards.getChildren().add(card);
        }
        alertGroups.getChildren().add(cards);
    }

    private void drawAgenda() {
        agendaLines.getChildren().clear();
        if (model.agenda().isEmpty()) {
            Label empty = new Label(i18n.get("today.agenda.empty"), Icons.of(Material2OutlinedAL.EVENT_NOTE, 20));
            empty.setId("agendaEmpty");
            empty.setWrapText(true);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            agendaLines.getChildren().add(empty);
            return;
        }
        String day = null;
        for (TodayViewModel.AgendaLine line : model.agenda()) {
            if (!line.day().equals(day)) {
                day = line.day();
                Label heading = new Label(day);
                heading.getStyleClass().addAll(Styles.TEXT_BOLD, "agenda-day");
                agendaLines.getChildren().add(heading);
            }
            agendaLines.getChildren().add(agendaRow(line));
        }
    }

    private Node agendaRow(TodayViewModel.AgendaLine line) {
        Ikon icon = switch (line.status()) {
            case DONE -> Material2OutlinedAL.CHECK_CIRCLE;
            case LATE -> Material2OutlinedMZ.WARNING;
            case PLANNED -> Material2OutlinedMZ.SCHEDULE;
        };
        Hyperlink person = new Hyperlink(line.text());
        person.setWrapText(true);
        person.setOnAction(e -> openFile.accept(line.contact().file()));
        Label state = new Label(line.state(), Icons.of(icon));
        state.getStyleClass().addAll("agenda-state", line.status().name().toLowerCase(Locale.ROOT));
        state.setMinWidth(Region.USE_PREF_SIZE);
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox row = new HBox(8, person, space, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 8, 2, 8));
        row.getStyleClass().addAll("agenda-line", line.status().name().toLowerCase(Locale.ROOT));
        row.setUserData(line);
        return row;
    }

    private void open(TodayViewModel.AlertLine line) {
        if (line.file() != null) {
            openFile.accept(line.file());
        } else if (line.helper() != null) {
            openHelper.accept(line.helper());
        }
    }

    private static Ikon icon(AlertKind kind) {
        return switch (kind) {
            case NO_CONTACT -> Material2OutlinedMZ.PHONE_DISABLED;
            case FOLLOW_UP_OVERDUE -> Material2OutlinedAL.ASSIGNMENT_LATE;
            case NEED_UNMET -> Material2OutlinedAL.HOURGLASS_EMPTY;
            case HELPER_INACTIVE -> Material2OutlinedAL.EMOJI_PEOPLE;
            case CONSENT_EXPIRING -> Material2OutlinedAL.DESCRIPTION;
            case BACKGROUND_CHECK_EXPIRING -> Material2OutlinedMZ.VERIFIED_USER;
        };
    }
}
