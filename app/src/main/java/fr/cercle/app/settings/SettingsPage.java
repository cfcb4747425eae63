package fr.cercle.app.settings;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffMember;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.function.Consumer;

/** The settings screen. */
public final class SettingsPage implements Page {

    private final ScrollPane root;

    public SettingsPage(AppContext context, Consumer<String> notify, Consumer<AppContext> relaunch) {
        I18n i18n = context.i18n();
        SettingsViewModel model = new SettingsViewModel(context);

        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        FormLayout form = new FormLayout();

        form.section(i18n.get("settings.language"));
        ComboBox<Language> language = Choices.of(List.of(Language.values()), l -> i18n.get("language." + l.code()), "");
        language.setId("language");
        language.valueProperty().bindBidirectional(model.languageProperty());
        Button apply = new Button(i18n.get("settings.language.apply"));
        apply.setId("applyLanguage");
        apply.setOnAction(e -> model.applyLanguage(chosen -> relaunch.accept(context.withI18n(new fr.cercle.app.i18n.I18n(chosen)))));
        form.field(i18n.get("settings.language.label"), new HBox(8, language, apply), null, language);

        form.section(i18n.get("settings.lock"));
        ComboBox<java.time.Duration> lock = Choices.of(fr.cercle.app.preferences.UserPreferences.LOCK_DELAYS,
                d -> i18n.format("settings.lock.minutes", d.toMinutes()), "");
        lock.setId("lockAfter");
        lock.setValue(context.preferences().lockAfter());
        lock.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(old)) {
                context.preferences().setLockAfter(chosen);
                notify.accept(i18n.format("settings.lock.changed", chosen.toMinutes()));
            }
        });
        form.field(i18n.get("settings.lock.label"), lock, null, lock);

        form.section(i18n.get("settings.author"));
        Label authorNote = new Label(i18n.get("settings.author.note"));
        authorNote.setWrapText(true);
        authorNote.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(authorNote);
        ComboBox<StaffMember> author = Choices.of(List.of(), StaffMember::fullName, i18n.get("field.choose"));
        author.setId("author");
        author.setItems(model.staff());
        author.valueProperty().bindBidirectional(model.authorProperty());
        author.valueProperty().addListener((obs, old, chosen) -> model.chooseAuthor(
                () -> notify.accept(i18n.format("settings.author.changed", chosen.fullName()))));
        form.field(i18n.get("settings.author.label"), author, null, author);

        form.section(i18n.get("settings.sync"));
        Label syncNote = new Label(i18n.get("settings.sync.note"));
        syncNote.setWrapText(true);
        syncNote.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(syncNote);
        TextField server = new TextField();
        server.setId("syncServer");
        server.setPromptText(i18n.get("settings.sync.server.prompt"));
        server.textProperty().bindBidirectional(model.serverAddressProperty());
        form.field(i18n.get("settings.sync.server"), server, model.error(SettingsViewModel.SYNC_SERVER), server);
        TextField interval = new TextField();
        interval.setId("syncInterval");
        interval.setPrefColumnCount(4);
        interval.setMaxWidth(Region.USE_PREF_SIZE);
        interval.textProperty().bindBidirectional(model.intervalProperty());
        Label minutes = new Label(i18n.get("settings.sync.interval.unit"));
        HBox intervalRow = new HBox(8, interval, minutes);
        intervalRow.setAlignment(Pos.CENTER_LEFT);
        form.field(i18n.get("settings.sync.interval"), intervalRow, model.error(SettingsViewModel.SYNC_INTERVAL), interval);
        Button saveSync = new Button(i18n.get("settings.sync.save"), Icons.of(Material2OutlinedMZ.SAVE));
        saveSync.setId("saveSync");
        saveSync.setOnAction(e -> model.saveSync(() -> notify.accept(i18n.get("settings.sync.saved"))));
        // Enter in either field saves them, as in the forms.
        server.setOnAction(e -> saveSync.fire());
        interval.setOnAction(e -> saveSync.fire());
        form.full(saveSync);

        form.section(i18n.get("settings.team.add"));
        TextField first = new TextField();
        first.setId("staffFirstName");
        first.textProperty().bindBidirectional(model.newFirstNameProperty());
        form.field(i18n.get("field.firstName") + " *", first, model.error(StaffMember.FIRST_NAME), first);
        TextField last = new TextField();
        last.setId("staffLastName");
        last.textProperty().bindBidirectional(model.newLastNameProperty());
        form.field(i18n.get("field.lastName") + " *", last, model.error(StaffMember.LAST_NAME), last);
        TextField structure = new TextField();
        structure.textProperty().bindBidirectional(model.newStructureProperty());
        form.field(i18n.get("field.structure") + " *", structure, model.error(StaffMember.STRUCTURE), structure);
        FlowPane domains = new FlowPane(16, 8);
        for (Domain d : Domain.values()) {
            CheckBox box = new CheckBox(i18n.label(d));
            box.selectedProperty().bindBidirectional(model.newDomainProperty(d));
            domains.getChildren().add(box);
        }
        form.field(i18n.get("field.domains") + " *", domains, model.error(StaffMember.DOMAINS), (CheckBox) domains.getChildren().get(0));
        Button add = new Button(i18n.get("settings.team.addButton"), Icons.of(Material2OutlinedMZ.PERSON_ADD));
        add.setId("addStaff");
        add.setOnAction(e -> model.addStaff(member -> notify.accept(i18n.format("settings.team.added", member.fullName()))));
        form.full(add);

        form.section(i18n.get("settings.data"));
        Label folder = new Label(i18n.format("settings.data.folder", model.dataFolder()));
        folder.setWrapText(true);
        form.full(folder);

        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        VBox content = new VBox(12, title, failure, form.node());
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(900);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        model.load();
    }

    @Override
    public Node node() {
        return root;
    }
}
