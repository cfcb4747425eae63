package fr.cercle.app.need;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Banner;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.WeeklySlotGrid;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The "needs and helpers" section of a person's file: the needs at a glance (unmet ones stand out),
 * a small form for a new need, and under an open need the helpers who could meet it, each with its
 * reasons and a button to choose them. Lays out and binds only.
 */
public final class NeedsView {

    private final NeedsViewModel model;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final VBox list = new VBox(8);
    private final VBox form;

    public NeedsView(NeedsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        root.setId("needsSection");
        root.getStyleClass().add("needs-section");

        Label title = new Label(i18n.get("needs.section"));
        title.getStyleClass().addAll("form-section", "title-4");
        Button newNeed = new Button(i18n.get("needs.new"), Icons.of(Material2OutlinedAL.ADD));
        newNeed.setId("newNeed");
        newNeed.getStyleClass().add(Styles.BUTTON_OUTLINED);
        newNeed.disableProperty().bind(model.editingProperty().or(model.busyProperty()));
        newNeed.setOnAction(e -> model.startNewNeed());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, newNeed);
        header.setAlignment(Pos.CENTER_LEFT);

        Label failure = Banner.of("needsFailure", Icons.of(Material2OutlinedMZ.WARNING), Styles.DANGER,
                model.failureProperty());
        Label notice = Banner.of("needsNotice", Icons.of(Material2OutlinedAL.CHECK_CIRCLE), Styles.SUCCESS,
                model.noticeProperty());

        form = newNeedForm();
        form.visibleProperty().bind(model.editingProperty());
        form.managedProperty().bind(form.visibleProperty());

        root.getChildren().setAll(header, failure, notice, form, list);
        model.needs().addListener((ListChangeListener<NeedsViewModel.NeedRow>) c -> showNeeds());
        model.candidates().addListener((ListChangeListener<NeedsViewModel.CandidateRow>) c -> showNeeds());
        model.searchedForProperty().addListener((obs, old, now) -> showNeeds());
        model.noCandidateProperty().addListener((obs, old, now) -> showNeeds());
        model.loadedProperty().addListener((obs, old, now) -> showNeeds());
        model.editingProperty().addListener((obs, old, now) -> showNeeds());
        showNeeds();
    }

    public Node node() {
        return root;
    }

    private VBox newNeedForm() {
        FormLayout layout = new FormLayout();
        ComboBox<NeedKind> kind = Choices.of(List.of(NeedKind.values()), i18n::label, i18n.get("field.choose"));
        kind.setId("needKind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        layout.field(i18n.get("needs.kind") + " *", kind, model.error(Need.KIND), kind);
        ComboBox<Frequency> frequency = Choices.of(List.of(Frequency.values()), i18n::label, i18n.get("field.choose"));
        frequency.setId("needFrequency");
        frequency.valueProperty().bindBidirectional(model.frequencyProperty());
        layout.field(i18n.get("needs.frequency") + " *", frequency, model.error(Need.FREQUENCY), frequency);
        layout.field(i18n.get("needs.slots"), slotGrid(), null, null);
        CheckBox check = new CheckBox(i18n.get("needs.backgroundCheck"));
        check.setId("needBackgroundCheck");
        check.setWrapText(true);
        check.selectedProperty().bindBidirectional(model.backgroundCheckProperty());
        check.disableProperty().bind(model.minorProperty());
        Label why = new Label(i18n.get("needs.backgroundCheck.minor"));
        why.setId("needMinorNote");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.TEXT_MUTED);
        why.visibleProperty().bind(model.minorProperty());
        why.managedProperty().bind(why.visibleProperty());
        layout.field(i18n.get("needs.backgroundCheck.label"), new VBox(4, check, why),
                model.error(Need.BACKGROUND_CHECK), check);
        TextArea note = new TextArea();
        note.setId("needNote");
        note.setWrapText(true);
        note.setPrefRowCount(2);
        note.textProperty().bindBidirectional(model.noteProperty());
        layout.field(i18n.get("needs.note"), note, model.error(Need.NOTE), note);

        Button save = new Button(i18n.get("needs.save"), Icons.of(Material2OutlinedMZ.SAVE));
        save.setId("saveNeed");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.saveNeed());
        Button cancel = new Button(i18n.get("action.cancel"));
        cancel.setId("cancelNeed");
        cancel.setOnAction(e -> model.cancelNewNeed());
        HBox buttons = new HBox(10, save, cancel);
        layout.full(buttons);

        Label heading = new Label();
        heading.setId("needFormTitle");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(javafx.beans.binding.Bindings.when(model.changingProperty().isNull())
                .then(i18n.get("needs.new")).otherwise(i18n.get("needs.change.title")));
        VBox box = new VBox(6, heading, layout.node());
        box.setId("needForm");
        // Enter in a one-line field saves the need, not the file; Escape gives up.
        box.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !(e.getTarget() instanceof TextArea)) {
                e.consume();
                save.fire();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                cancel.fire();
            }
        });
        box.getStyleClass().add("need-form");
        box.setPadding(new Insets(4, 12, 8, 12));
        return box;
    }

    /** The same weekly grid as the helper's availability. */
    private GridPane slotGrid() {
        return WeeklySlotGrid.of(i18n, "needSlots", "needSlot-", model::slotProperty, 48, 28);
    }

    private void showNeeds() {
        list.getChildren().clear();
        if (model.needs().isEmpty()) {
            if (model.loadedProperty().get() && !model.editingProperty().get()) {
                Label empty = new Label(i18n.get("needs.empty"));
                empty.setId("needsEmpty");
                empty.setWrapText(true);
                empty.getStyleClass().add(Styles.TEXT_MUTED);
                list.getChildren().add(empty);
            }
            return;
        }
        for (NeedsViewModel.NeedRow row : model.needs()) {
            list.getChildren().add(card(row));
        }
    }

    private VBox card(NeedsViewModel.NeedRow row) {
        Label title = new Label(row.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        Label status = new Label(row.statusText(), Icons.of(row.open() ? Material2OutlinedMZ.WARNING
                : Material2OutlinedAL.CHECK_CIRCLE, 14));
        status.getStyleClass().addAll("need-status", row.open() ? "open" : row.need().status().name().toLowerCase());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, spacer, status);
        top.setAlignment(Pos.CENTER_LEFT);
        Label since = new Label(row.since());
        since.getStyleClass().add("need-since");
        since.setWrapText(true);
        VBox card = new VBox(6, top, since);
        if (!row.details().isEmpty()) {
            Label details = new Label(row.details());
            details.setWrapText(true);
            details.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().add(details);
        }
        if (row.need().note() != null) {
            Label note = new Label(row.need().note());
            note.setWrapText(true);
            note.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().add(note);
        }
        card.getStyleClass().addAll("need-card", row.open() ? "open" : "met");
        card.setPadding(new Insets(10, 12, 10, 12));
        card.setId("need-" + row.need().id().value());
        if (row.need().status() != NeedStatus.CLOSED) {
            Button change = new Button(i18n.get("needs.change"), Icons.of(Material2OutlinedAL.EDIT, 14));
            change.setId("changeNeed");
            change.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            change.disableProperty().bind(model.busyProperty().or(model.editingProperty()));
            change.setOnAction(e -> model.startChange(row.need()));
            top.getChildren().add(change);
            Button close = new Button(i18n.get("needs.close"), Icons.of(Material2OutlinedAL.ARCHIVE, 14));
            close.setId("closeNeed");
            close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            close.disableProperty().bind(model.busyProperty());
            close.setOnAction(e -> model.close(row.need()));
            top.getChildren().add(close);
        }
        if (row.open()) {
            boolean shown = row.need().id().equals(model.searchedForProperty().get());
            Button find = new Button(i18n.get("needs.findHelpers"), Icons.of(Material2OutlinedMZ.PERSON_SEARCH));
            find.setId("findHelpers");
            find.getStyleClass().add(shown ? Styles.BUTTON_OUTLINED : Styles.ACCENT);
            find.disableProperty().bind(model.busyProperty());
            find.setOnAction(e -> model.findHelpers(row.need()));
            card.getChildren().add(find);
            if (shown) {
                card.getChildren().add(candidates());
            }
        }
        return card;
    }

    private VBox candidates() {
        VBox box = new VBox(8);
        box.setId("candidates");
        if (model.noCandidateProperty().get() != null) {
            Label none = new Label(model.noCandidateProperty().get(), Icons.of(Material2OutlinedAL.INFO));
            none.setId("noCandidate");
            none.setWrapText(true);
            none.setMaxWidth(Double.MAX_VALUE);
            none.getStyleClass().addAll("banner", Styles.WARNING);
            box.getChildren().add(none);
            return box;
        }
        Label heading = new Label(i18n.get("needs.candidates.title"));
        heading.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(heading);
        int rank = 1;
        for (NeedsViewModel.CandidateRow c : model.candidates()) {
            Label name = new Label(rank++ + ". " + c.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            VBox reasons = new VBox(2, name);
            for (String reason : List.of(c.skills(), c.proximity(), c.slots(), c.load(), c.languages())) {
                if (!reason.isEmpty()) {
                    Label line = new Label(reason);
                    line.setWrapText(true);
                    line.getStyleClass().add("candidate-reason");
                    reasons.getChildren().add(line);
                }
            }
            Button choose = new Button(i18n.get("needs.candidate.choose"), Icons.of(Material2OutlinedAL.CHECK));
            choose.setId("assign");
            choose.getStyleClass().add(Styles.SUCCESS);
            choose.disableProperty().bind(model.busyProperty());
            choose.setOnAction(e -> model.assign(c));
            HBox.setHgrow(reasons, Priority.ALWAYS);
            HBox line = new HBox(12, reasons, choose);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("candidate");
            line.setPadding(new Insets(8, 10, 8, 10));
            line.setUserData(c);
            box.getChildren().add(line);
        }
        return box;
    }
}
