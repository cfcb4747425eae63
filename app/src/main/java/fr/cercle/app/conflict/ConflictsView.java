package fr.cercle.app.conflict;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.EmptyState;
import fr.cercle.app.ui.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.function.Supplier;

/**
 * The conflicts screen: each field in conflict as a card, its values side by side, each with a button
 * to keep it; under them, where the field allows it, the same control as in the form to write
 * another value. Lays out and binds only.
 */
public final class ConflictsView {

    private final ConflictsViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final VBox cards = new VBox(16);
    private final VBox empty;

    public ConflictsView(ConflictsViewModel model, I18n i18n, Runnable back) {
        this.model = model;
        this.i18n = i18n;

        Button backButton = new Button(i18n.get("conflicts.back"), Icons.of(Material2OutlinedAL.ARROW_BACK));
        backButton.setId("conflictsBack");
        backButton.getStyleClass().add(Styles.FLAT);
        backButton.setCancelButton(true);
        backButton.setOnAction(e -> back.run());
        Label title = new Label(i18n.get("conflicts.title"));
        title.setId("conflictsTitle");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(i18n.get("conflicts.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Label failure = new Label();
        failure.setWrapText(true);
        failure.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
        failure.getStyleClass().addAll("banner", Styles.DANGER);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        VBox header = new VBox(6, backButton, title, intro, failure);
        header.setPadding(new Insets(16, 24, 8, 24));
        header.setMaxWidth(1000);

        empty = EmptyState.of(Icons.of(Material2OutlinedAL.CHECK_CIRCLE, 48), i18n.get("conflicts.empty"), null);
        empty.setId("conflictsEmpty");
        Label emptyNote = new Label(i18n.get("conflicts.empty.note"));
        emptyNote.setWrapText(true);
        emptyNote.getStyleClass().add(Styles.TEXT_MUTED);
        empty.getChildren().add(emptyNote);

        cards.setPadding(new Insets(8, 24, 24, 24));
        cards.setMaxWidth(1000);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        root.setTop(header);
        root.setCenter(scroll);
        root.getStyleClass().add("conflicts");
        model.items().addListener((ListChangeListener<ConflictsViewModel.Item>) c -> show(scroll));
        model.loadingProperty().addListener((obs, was, loading) -> show(scroll));
        show(scroll);
    }

    public BorderPane node() {
        return root;
    }

    private void show(ScrollPane scroll) {
        if (model.items().isEmpty()) {
            root.setCenter(model.loadingProperty().get() ? null : empty);
            return;
        }
        cards.getChildren().clear();
        int n = 0;
        for (ConflictsViewModel.Item item : model.items()) {
            cards.getChildren().add(card(item, n++));
        }
        root.setCenter(scroll);
    }

    private VBox card(ConflictsViewModel.Item item, int n) {
        Label record = new Label(item.title() + (item.recordKind().isEmpty() ? "" : " — " + item.recordKind()));
        record.getStyleClass().add(Styles.TITLE_4);
        record.setWrapText(true);
        Label question = new Label(i18n.format("conflicts.question", item.fieldLabel()));
        question.setWrapText(true);

        HBox sides = new HBox(12);
        int m = 0;
        for (ConflictsViewModel.Side side : item.sides()) {
            sides.getChildren().add(side(item, side, n, m++));
        }
        VBox card = new VBox(10, record, question, sides);
        if (item.writable()) {
            card.getChildren().add(another(item, n));
        }
        card.setId("conflict-" + n);
        card.getStyleClass().add("conflict-card");
        card.setPadding(new Insets(14, 16, 14, 16));
        return card;
    }

    private VBox side(ConflictsViewModel.Item item, ConflictsViewModel.Side side, int n, int m) {
        Label heading = new Label(side.heading(), Icons.of(side.here() ? Material2OutlinedAL.COMPUTER
                : Material2OutlinedAL.DEVICES_OTHER));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "conflict-side-heading");
        HBox top = new HBox(8, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        if (side.current()) {
            Label current = new Label(i18n.get("conflicts.current"));
            current.getStyleClass().add("conflict-current");
            top.getChildren().add(current);
        }
        Label value = new Label(side.value());
        value.setWrapText(true);
        value.getStyleClass().addAll(Styles.TITLE_4, "conflict-value");
        Label when = new Label(side.when());
        when.setWrapText(true);
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button keep = new Button(i18n.get("conflicts.keep"), Icons.of(Material2OutlinedAL.CHECK));
        keep.setId("keep-" + n + "-" + m);
        keep.disableProperty().bind(model.busyProperty());
        keep.setOnAction(e -> model.keep(item, side));
        VBox box = new VBox(8, top, value, when, keep);
        box.getStyleClass().add("conflict-side");
        if (side.current()) {
            box.getStyleClass().add("current");
        }
        box.setPadding(new Insets(12));
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(0);
        return box;
    }

    /** The same control as in the form, to write another value, and its message. */
    private VBox another(ConflictsViewModel.Item item, int n) {
        Label label = new Label(i18n.get("conflicts.another"));
        label.getStyleClass().add("form-label");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setGraphic(Icons.of(Material2OutlinedAL.ERROR_OUTLINE, 14));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Node control;
        Supplier<String> write;
        switch (item.kind()) {
            case TEXT -> {
                TextArea text = new TextArea();
                text.setWrapText(true);
                text.setPrefRowCount(3);
                control = text;
                write = () -> model.writeText(item, text.getText());
            }
            case DATE -> {
                DateField date = new DateField().prompt(i18n.get("field.date.prompt"));
                control = date.node();
                write = () -> {
                    date.commit();
                    return model.writeDate(item, date.node().getValue(), date.unreadableProperty().get());
                };
            }
            default -> {
                ComboBox<ConflictsViewModel.Choice> choice = Choices.of(item.choices(), ConflictsViewModel.Choice::label,
                        i18n.get("field.choose"));
                choice.setMaxWidth(420);
                control = choice;
                write = () -> model.writeChoice(item, choice.getValue());
            }
        }
        control.setId("another-" + n);
        label.setLabelFor(control);
        Button save = new Button(i18n.get("conflicts.another.keep"));
        save.setId("keepAnother-" + n);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> {
            String problem = write.get();
            error.setText(problem == null ? "" : problem);
        });
        HBox row = new HBox(10, control, save);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        VBox box = new VBox(6, label, row, error);
        box.getStyleClass().add("conflict-another");
        return box;
    }
}
