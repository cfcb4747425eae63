package fr.cercle.app.circle;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Banner;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The circle at the top of a person's file: one line per helper (roles, since when, last and next
 * contact, a button to note a contact that opens the quick entry under the line), the follow-ups to
 * do with a button to mark them done, and the latest contributions. Lays out and binds only.
 */
public final class CircleView {

    private final CircleViewModel model;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final VBox members = new VBox(8);
    private final VBox followUps = new VBox(6);
    private final VBox recent = new VBox(2);
    private final VBox entry;

    public CircleView(CircleViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        root.setId("circleSection");
        root.getStyleClass().add("circle-section");

        Label title = new Label(i18n.get("circle.section"));
        title.getStyleClass().addAll("form-section", "title-4");

        Label failure = Banner.of("circleFailure", Icons.of(Material2OutlinedMZ.WARNING), Styles.DANGER,
                model.failureProperty());
        Label notice = Banner.of("circleNotice", Icons.of(Material2OutlinedAL.CHECK_CIRCLE), Styles.SUCCESS,
                model.noticeProperty());

        entry = entryForm();
        followUps.setId("followUps");
        recent.setId("recentContributions");
        Node picture = new CirclePicture(model, i18n).node();
        root.getChildren().setAll(title, failure, notice, picture, members, followUps, recent);

        model.members().addListener((ListChangeListener<CircleViewModel.MemberRow>) c -> showMembers());
        model.entryForProperty().addListener((obs, old, now) -> showMembers());
        model.loadedProperty().addListener((obs, old, now) -> showMembers());
        model.followUps().addListener((ListChangeListener<CircleViewModel.FollowUpRow>) c -> showFollowUps());
        model.recent().addListener((ListChangeListener<String>) c -> showRecent());
        showMembers();
        showFollowUps();
        showRecent();
    }

    public Node node() {
        return root;
    }


    private void showMembers() {
        members.getChildren().clear();
        if (model.members().isEmpty()) {
            if (model.loadedProperty().get()) {
                Label empty = new Label(i18n.get("circle.empty"));
                empty.setId("circleEmpty");
                empty.setWrapText(true);
                empty.getStyleClass().add(Styles.TEXT_MUTED);
                members.getChildren().add(empty);
            }
            return;
        }
        for (CircleViewModel.MemberRow row : model.members()) {
            members.getChildren().add(memberCard(row));
        }
    }

    private VBox memberCard(CircleViewModel.MemberRow row) {
        Label name = new Label(row.name(), Icons.of(Material2OutlinedAL.EMOJI_PEOPLE, 18));
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "circle-name");
        Label roles = new Label(row.roles());
        roles.setWrapText(true);
        Label since = new Label(row.since());
        since.getStyleClass().add(Styles.TEXT_MUTED);
        VBox who = new VBox(2, name, roles, since);
        who.setPrefWidth(260);
        who.setMinWidth(200);

        Label last = new Label(row.last(), Icons.of(Material2OutlinedAL.HISTORY, 14));
        last.setWrapText(true);
        VBox contacts = new VBox(2, last);
        if (row.attempt() != null) {
            Label attempt = new Label(row.attempt(), Icons.of(Material2OutlinedAL.CALL_MISSED, 14));
            attempt.setWrapText(true);
            attempt.getStyleClass().add(Styles.TEXT_MUTED);
            contacts.getChildren().add(attempt);
        }
        Label next = new Label(row.next(), Icons.of(row.late() ? Material2OutlinedMZ.WARNING
                : Material2OutlinedAL.EVENT, 14));
        next.setWrapText(true);
        next.getStyleClass().add(row.late() ? "circle-late" : "circle-next");
        contacts.getChildren().add(next);
        HBox.setHgrow(contacts, Priority.ALWAYS);

        boolean open = row.equals(model.entryForProperty().get());
        Button note = new Button(i18n.get("circle.noteContact"), Icons.of(Material2OutlinedAL.ADD_COMMENT));
        note.setId("noteContact");
        note.getStyleClass().add(open ? Styles.BUTTON_OUTLINED : Styles.ACCENT);
        note.disableProperty().bind(model.busyProperty().or(model.entryForProperty().isNotNull()));
        note.setOnAction(e -> model.startEntry(row));
        note.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(16, who, contacts, note);
        line.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, line);
        card.getStyleClass().addAll("circle-member", row.late() ? "late" : "on-time");
        card.setPadding(new Insets(10, 12, 10, 12));
        card.setUserData(row);
        if (open) {
            card.getChildren().add(entry);
        }
        return card;
    }

    private VBox entryForm() {
        FormLayout layout = new FormLayout();
        DateField date = new DateField().prompt(i18n.get("field.date.prompt"));
        date.node().setId("contributionDate");
        date.node().valueProperty().bindBidirectional(model.dateProperty());
        layout.field(i18n.get("circle.entry.date") + " *", date.node(), model.error(Contribution.DATE), date.node());

        ComboBox<ContributionKind> kind = Choices.of(List.of(ContributionKind.values()), i18n::label, i18n.get("field.choose"));
        kind.setId("contributionKind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<Medium> medium = Choices.of(List.of(Medium.values()), i18n::label, i18n.get("field.choose"));
        medium.setId("contributionMedium");
        medium.valueProperty().bindBidirectional(model.mediumProperty());
        HBox what = new HBox(8, kind, medium);
        layout.field(i18n.get("circle.entry.what") + " *", what, model.error(Contribution.KIND), kind);

        CheckBox reached = new CheckBox(i18n.get("circle.entry.reached"));
        reached.setId("contributionReached");
        reached.selectedProperty().bindBidirectional(model.contactMadeProperty());
        ComboBox<Integer> minutes = Choices.of(CircleViewModel.DURATIONS, model::duration, i18n.get("field.choose"));
        minutes.setId("contributionMinutes");
        minutes.valueProperty().bindBidirectional(model.minutesProperty());
        minutes.disableProperty().bind(model.contactMadeProperty().not());
        HBox how = new HBox(12, minutes, reached);
        how.setAlignment(Pos.CENTER_LEFT);
        layout.field(i18n.get("circle.entry.duration"), how, model.error(Contribution.MINUTES), minutes);

        TextField note = new TextField();
        note.setId("contributionNote");
        note.setPromptText(i18n.get("circle.entry.note.prompt"));
        note.textProperty().bindBidirectional(model.noteProperty());
        layout.field(i18n.get("circle.entry.note"), note, model.error(Contribution.NOTE), note);

        TextArea concern = new TextArea();
        concern.setId("contributionConcern");
        concern.setWrapText(true);
        concern.setPrefRowCount(2);
        concern.setPromptText(i18n.get("circle.entry.concern.prompt"));
        concern.textProperty().bindBidirectional(model.concernProperty());
        layout.field(i18n.get("circle.entry.concern"), concern, model.error(Contribution.CONCERN), concern);

        Button save = new Button(i18n.get("circle.entry.save"), Icons.of(Material2OutlinedMZ.SAVE));
        save.setId("saveContribution");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> {
            date.commit();
            model.saveEntry();
        });
        Button cancel = new Button(i18n.get("action.cancel"));
        cancel.setId("cancelContribution");
        cancel.setOnAction(e -> model.cancelEntry());
        layout.full(new HBox(10, save, cancel));

        VBox box = new VBox(layout.node());
        box.setId("contributionForm");
        box.getStyleClass().add("need-form");
        box.setPadding(new Insets(4, 12, 8, 12));
        // Enter in a one-line field notes the contact, not the file's own default Save.
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof TextArea)) {
                e.consume();
                save.fire();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel.fire();
            }
        });
        box.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE) {
                e.consume();
            }
        });
        return box;
    }

    private void showFollowUps() {
        followUps.getChildren().clear();
        if (model.followUps().isEmpty()) {
            return;
        }
        Label heading = new Label(i18n.get("circle.followUps"));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD);
        followUps.getChildren().add(heading);
        for (CircleViewModel.FollowUpRow row : model.followUps()) {
            Label subject = new Label(row.subject());
            subject.setWrapText(true);
            Label due = new Label(row.due(), Icons.of(row.overdue() ? Material2OutlinedMZ.WARNING
                    : Material2OutlinedAL.EVENT, 14));
            due.getStyleClass().add(row.overdue() ? "circle-late" : Styles.TEXT_MUTED);
            VBox text = new VBox(2, subject, due);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button done = new Button(i18n.get("circle.followUp.done"), Icons.of(Material2OutlinedAL.CHECK));
            done.setId("followUpDone");
            done.getStyleClass().add(Styles.BUTTON_OUTLINED);
            done.disableProperty().bind(model.busyProperty());
            done.setOnAction(e -> model.done(row));
            HBox line = new HBox(12, text, done);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().addAll("follow-up", row.overdue() ? "overdue" : "due");
            line.setPadding(new Insets(8, 12, 8, 12));
            line.setUserData(row);
            followUps.getChildren().add(line);
        }
    }

    private void showRecent() {
        recent.getChildren().clear();
        if (model.recent().isEmpty()) {
            return;
        }
        Label heading = new Label(i18n.get("circle.recent"));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD);
        recent.getChildren().add(heading);
        for (String line : model.recent()) {
            Label label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().addAll("circle-recent", Styles.TEXT_MUTED);
            recent.getChildren().add(label);
        }
        Region gap = new Region();
        gap.setMinHeight(4);
        recent.getChildren().add(gap);
    }
}
