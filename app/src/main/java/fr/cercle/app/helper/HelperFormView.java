package fr.cercle.app.helper;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.WeeklySlotGrid;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.CommuneField;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.Dialogs;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Scrolling;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperRules;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The form of a helper. Lays out and binds; the view model checks and saves. */
public final class HelperFormView {

    private final HelperFormViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final DateField charter = new DateField();
    private final DateField checkDate = new DateField();
    private final VBox banners = new VBox(8);
    private final Runnable back;
    private boolean copyingLanguages;

    public HelperFormView(HelperFormViewModel model, AppContext context, Runnable back) {
        this.model = model;
        this.i18n = context.i18n();
        charter.prompt(i18n.get("field.date.prompt"));
        checkDate.prompt(i18n.get("field.date.prompt"));
        this.back = back;

        Button backButton = new Button(i18n.get("action.backToList"), Icons.of(Material2OutlinedAL.ARROW_BACK));
        backButton.getStyleClass().add(Styles.FLAT);
        backButton.setOnAction(e -> leave());
        Label title = new Label();
        title.setId("formTitle");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_2);
        VBox header = new VBox(4, backButton, title, banners);
        header.setPadding(new Insets(16, 24, 8, 24));

        FormLayout form = new FormLayout();
        form.section(i18n.get("helper.section.identity"));
        TextField firstName = text(Helper.FIRST_NAME, model.firstNameProperty());
        form.field(i18n.get("field.firstName") + " *", firstName, model.error(Helper.FIRST_NAME), firstName);
        TextField lastName = text(Helper.LAST_NAME, model.lastNameProperty());
        form.field(i18n.get("field.lastName") + " *", lastName, model.error(Helper.LAST_NAME), lastName);
        TextField phone = text(Helper.PHONE, model.phoneProperty());
        phone.setPromptText("06 12 34 56 78");
        form.field(i18n.get("field.phone"), phone, model.error(Helper.PHONE), phone);
        TextField email = text(Helper.EMAIL, model.emailProperty());
        form.field(i18n.get("field.email"), email, model.error(Helper.EMAIL), email);
        Label contactNote = new Label(i18n.get("helper.contact.note"));
        contactNote.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(contactNote);
        CommuneField commune = new CommuneField(context::searchCommunes, i18n.get("field.commune.prompt"));
        commune.node().setId(Helper.COMMUNE);
        commune.communeProperty().bindBidirectional(model.communeProperty());
        controls.put(Helper.COMMUNE, commune.node());
        form.field(i18n.get("field.commune") + " *", commune.node(), model.error(Helper.COMMUNE), commune.node());

        form.section(i18n.get("helper.section.skills"));
        FlowPane skillBoxes = new FlowPane(16, 8);
        skillBoxes.setId(Helper.SKILLS);
        for (Skill skill : Skill.values()) {
            CheckBox box = new CheckBox(i18n.label(skill));
            box.setId("skill-" + skill.name());
            box.selectedProperty().bindBidirectional(model.skillProperty(skill));
            box.setPrefWidth(290);
            skillBoxes.getChildren().add(box);
        }
        form.field(i18n.get("field.skills"), skillBoxes, model.error(Helper.SKILLS), (Control) skillBoxes.getChildren().get(0));
        TextField tags = text(Helper.TAGS, model.tagsProperty());
        tags.setPromptText(i18n.get("field.tags.prompt"));
        form.field(i18n.get("field.tags"), tags, model.error(Helper.TAGS), tags);
        CheckComboBox<String> languages = new CheckComboBox<>();
        languages.setId(Helper.LANGUAGES);
        languages.getItems().setAll(HelperFormViewModel.LANGUAGES);
        languages.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : model.languageName(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        languages.setShowCheckedCount(false);
        syncLanguages(languages);
        languages.setMaxWidth(Double.MAX_VALUE);
        controls.put(Helper.LANGUAGES, languages);
        form.field(i18n.get("field.languages"), languages, model.error(Helper.LANGUAGES), languages);

        form.section(i18n.get("helper.section.availability"));
        form.field(i18n.get("field.availability"), availabilityGrid(), model.error(Helper.AVAILABILITY), null);

        form.section(i18n.get("helper.section.commitment"));
        Spinner<Integer> commitments = new Spinner<>(0, HelperRules.MAX_COMMITMENTS_LIMIT, model.maxCommitmentsProperty().get());
        commitments.setId(Helper.MAX_COMMITMENTS);
        commitments.setEditable(true);
        // Digits only: the spinner cannot read anything else (it threw, and kept its old number under the typed text).
        commitments.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,2}") ? change : null));
        commitments.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.maxCommitmentsProperty().set(v);
            } else {
                // An emptied field shows again the number that will be saved.
                commitments.getValueFactory().setValue(model.maxCommitmentsProperty().get());
            }
        });
        model.maxCommitmentsProperty().addListener((obs, old, v) -> commitments.getValueFactory().setValue(v.intValue()));
        commitments.setPrefWidth(110);
        controls.put(Helper.MAX_COMMITMENTS, commitments);
        form.field(i18n.get("field.maxCommitments"), commitments, model.error(Helper.MAX_COMMITMENTS), commitments);
        bindDate(charter, model.charterSignedOnProperty(), model.charterUnreadableProperty(), Helper.CHARTER_SIGNED_ON);
        form.field(i18n.get("field.charterSignedOn"), charter.node(), model.error(Helper.CHARTER_SIGNED_ON), charter.node());
        ComboBox<BackgroundCheckStatus> check = Choices.of(List.of(BackgroundCheckStatus.values()), i18n::label, "");
        check.setId(Helper.BACKGROUND_CHECK_STATUS);
        check.valueProperty().bindBidirectional(model.checkStatusProperty());
        controls.put(Helper.BACKGROUND_CHECK_STATUS, check);
        form.field(i18n.get("field.backgroundCheck"), check, model.error(Helper.BACKGROUND_CHECK_STATUS), check);
        bindDate(checkDate, model.checkDateProperty(), model.checkDateUnreadableProperty(), Helper.BACKGROUND_CHECK_DATE);
        form.field(i18n.get("field.backgroundCheckDate"), checkDate.node(), model.error(Helper.BACKGROUND_CHECK_DATE), checkDate.node());
        ComboBox<HelperStatus> status = Choices.of(List.of(HelperStatus.values()), i18n::label, "");
        status.setId(Helper.STATUS);
        status.valueProperty().bindBidirectional(model.statusProperty());
        controls.put(Helper.STATUS, status);
        form.field(i18n.get("field.status") + " *", status, model.error(Helper.STATUS), status);
        Label required = new Label(i18n.get("form.requiredNote"));
        required.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(required);

        VBox content = new VBox(form.node());
        content.setPadding(new Insets(0, 24, 24, 24));
        content.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Scrolling.keepFocusedVisible(scroll);

        Button save = new Button(i18n.get("action.save"), Icons.of(Material2OutlinedMZ.SAVE));
        save.setId("save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> save());
        Button cancel = new Button(i18n.get("action.cancel"));
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> leave());
        HBox actions = new HBox(10, save, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(12, 24, 12, 24));
        actions.getStyleClass().add("form-actions");

        root.setTop(header);
        root.setCenter(scroll);
        root.setBottom(actions);
        root.getStyleClass().add("form-page");
        model.failureProperty().addListener((obs, old, message) -> showBanners());
        model.errors().addListener((MapChangeListener<String, String>) c -> showBanners());
    }

    public BorderPane node() {
        return root;
    }

    public void focusFirstField() {
        controls.get(Helper.FIRST_NAME).requestFocus();
    }

    private GridPane availabilityGrid() {
        return WeeklySlotGrid.of(i18n, Helper.AVAILABILITY, "slot-", model::availableProperty, 56, 30);
    }

    /**
     * Keeps the ticked languages and the view model's list equal, each way. Each side is copied whole
     * and the echo of that copy is ignored: ticking one box changes the checked list, which must not
     * rewrite the view model's list while it is itself being copied into the boxes.
     */
    private void syncLanguages(CheckComboBox<String> box) {
        Runnable toBoxes = () -> copyLanguages(() -> {
            List<String> wanted = List.copyOf(model.languages());
            for (String code : HelperFormViewModel.LANGUAGES) {
                if (wanted.contains(code) != box.getCheckModel().isChecked(code)) {
                    if (wanted.contains(code)) {
                        box.getCheckModel().check(code);
                    } else {
                        box.getCheckModel().clearCheck(code);
                    }
                }
            }
        });
        toBoxes.run();
        model.languages().addListener((ListChangeListener<String>) c -> toBoxes.run());
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> copyLanguages(() -> {
            List<String> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            if (!checked.equals(model.languages())) {
                model.languages().setAll(checked);
            }
        }));
    }

    private void copyLanguages(Runnable copy) {
        if (copyingLanguages) {
            return;
        }
        copyingLanguages = true;
        try {
            copy.run();
        } finally {
            copyingLanguages = false;
        }
    }

    private TextField text(String field, javafx.beans.property.StringProperty property) {
        TextField text = new TextField();
        text.setId(field);
        text.textProperty().bindBidirectional(property);
        controls.put(field, text);
        return text;
    }

    private void bindDate(DateField date, javafx.beans.property.ObjectProperty<java.time.LocalDate> value,
                          javafx.beans.property.BooleanProperty unreadable, String field) {
        date.node().setId(field);
        date.node().valueProperty().bindBidirectional(value);
        unreadable.bind(date.unreadableProperty());
        controls.put(field, date.node());
    }

    private void save() {
        charter.commit();
        checkDate.commit();
        if (!model.save()) {
            controls.entrySet().stream().filter(e -> model.errors().containsKey(e.getKey())).findFirst()
                    .ifPresent(e -> e.getValue().requestFocus());
        }
    }

    private void leave() {
        charter.commit();
        checkDate.commit();
        if (!model.hasChanges() || Dialogs.confirm(root, i18n, i18n.get("form.discard.header"),
                i18n.get("form.discard.content"), i18n.get("form.discard.confirm"))) {
            back.run();
        }
    }

    private void showBanners() {
        banners.getChildren().clear();
        if (model.failureProperty().get() != null) {
            banners.getChildren().add(banner(model.failureProperty().get()));
        }
        if (!model.errors().isEmpty()) {
            Label summary = banner(i18n.format("form.errors", model.errors().size()));
            summary.setId("errorSummary");
            banners.getChildren().add(summary);
        }
    }

    private Label banner(String text) {
        Label label = new Label(text, Icons.of(Material2OutlinedMZ.WARNING));
        label.setWrapText(true);
        label.getStyleClass().addAll("banner", Styles.DANGER);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
