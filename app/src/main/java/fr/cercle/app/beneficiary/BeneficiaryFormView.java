package fr.cercle.app.beneficiary;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.beneficiary.profile.ProfilesView;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.circle.CircleView;
import fr.cercle.app.circle.CircleViewModel;
import fr.cercle.app.need.NeedsView;
import fr.cercle.app.need.NeedsViewModel;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.CommuneField;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.Dialogs;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Scrolling;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffMember;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The form of a beneficiary's file. Lays out and binds only; what is right, what to fix and when to
 * save is the view model's.
 */
public final class BeneficiaryFormView {

    private final BeneficiaryFormViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final DateField birthDate = new DateField();
    private final DateField consentDate = new DateField();
    private final DateField consentWithdrawnOn = new DateField();
    private final VBox banners = new VBox(8);
    private final Runnable back;
    private final ProfilesView profiles;
    private NeedsViewModel needs;
    private CircleViewModel circle;

    public BeneficiaryFormView(BeneficiaryFormViewModel model, AppContext context, Runnable back,
                               Consumer<BeneficiaryId> openOther) {
        this.model = model;
        this.i18n = context.i18n();
        for (DateField date : List.of(birthDate, consentDate, consentWithdrawnOn)) {
            date.prompt(i18n.get("field.date.prompt"));
        }
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
        TextField firstName = text(Beneficiary.FIRST_NAME, model.firstNameProperty());
        TextField lastName = text(Beneficiary.LAST_NAME, model.lastNameProperty());
        form.section(i18n.get("beneficiary.section.identity"));
        form.field(i18n.get("field.firstName") + " *", firstName, model.error(Beneficiary.FIRST_NAME), firstName);
        form.field(i18n.get("field.lastName") + " *", lastName, model.error(Beneficiary.LAST_NAME), lastName);
        bindDate(birthDate, model.birthDateProperty(), model.birthDateUnreadableProperty(), Beneficiary.BIRTH_DATE);
        form.field(i18n.get("field.birthDate") + " *", birthDate.node(), model.error(Beneficiary.BIRTH_DATE), birthDate.node());

        form.section(i18n.get("beneficiary.section.contact"));
        TextField address = text(Beneficiary.ADDRESS_LINE, model.addressLineProperty());
        address.setPromptText(i18n.get("field.addressLine.prompt"));
        form.field(i18n.get("field.addressLine"), address, model.error(Beneficiary.ADDRESS_LINE), address);
        CommuneField commune = new CommuneField(context::searchCommunes, i18n.get("field.commune.prompt"));
        commune.node().setId(Beneficiary.COMMUNE);
        commune.communeProperty().bindBidirectional(model.communeProperty());
        controls.put(Beneficiary.COMMUNE, commune.node());
        ComboBox<String> postal = new ComboBox<>(model.postalCodes());
        postal.setId(Beneficiary.POSTAL_CODE);
        postal.valueProperty().bindBidirectional(model.postalCodeProperty());
        postal.disableProperty().bind(Bindings.size(model.postalCodes()).lessThan(2));
        postal.setPrefWidth(110);
        HBox communeRow = new HBox(8, commune.node(), postal);
        HBox.setHgrow(commune.node(), Priority.ALWAYS);
        form.field(i18n.get("field.commune") + " *", communeRow, model.error(Beneficiary.COMMUNE), commune.node());
        TextField phone = text(Beneficiary.PHONE, model.phoneProperty());
        phone.setPromptText("05 55 12 34 56");
        form.field(i18n.get("field.phone"), phone, model.error(Beneficiary.PHONE), phone);
        TextField email = text(Beneficiary.EMAIL, model.emailProperty());
        form.field(i18n.get("field.email"), email, model.error(Beneficiary.EMAIL), email);

        form.section(i18n.get("beneficiary.section.followUp"));
        FlowPane domainBoxes = new FlowPane(16, 8);
        domainBoxes.setId(Beneficiary.DOMAINS);
        for (Domain d : Domain.values()) {
            CheckBox box = new CheckBox(i18n.label(d));
            box.setId("domain-" + d.name());
            box.selectedProperty().bindBidirectional(model.domainProperty(d));
            domainBoxes.getChildren().add(box);
        }
        controls.put(Beneficiary.DOMAINS, (Control) domainBoxes.getChildren().get(0));
        form.field(i18n.get("field.domains") + " *", domainBoxes, model.error(Beneficiary.DOMAINS),
                (Control) domainBoxes.getChildren().get(0));
        ComboBox<BeneficiaryStatus> status = Choices.of(List.of(BeneficiaryStatus.values()), i18n::label, "");
        status.setId(Beneficiary.STATUS);
        status.valueProperty().bindBidirectional(model.statusProperty());
        controls.put(Beneficiary.STATUS, status);
        form.field(i18n.get("field.status") + " *", status, model.error(Beneficiary.STATUS), status);
        ComboBox<StaffMember> referent = Choices.of(List.of(), StaffMember::fullName, i18n.get("field.choose"));
        referent.setItems(model.staffChoices());
        referent.setId(Beneficiary.REFERENT);
        referent.valueProperty().bindBidirectional(model.referentProperty());
        controls.put(Beneficiary.REFERENT, referent);
        form.field(i18n.get("field.referent") + " *", referent, model.error(Beneficiary.REFERENT), referent);

        form.section(i18n.get("beneficiary.section.consent"));
        Label consentNote = new Label(i18n.get("beneficiary.consent.note"));
        consentNote.setWrapText(true);
        consentNote.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(consentNote);
        bindDate(consentDate, model.consentDateProperty(), model.consentDateUnreadableProperty(), Beneficiary.CONSENT_DATE);
        form.field(i18n.get("field.consentDate") + " *", consentDate.node(), model.error(Beneficiary.CONSENT_DATE), consentDate.node());
        ComboBox<ConsentScope> scope = Choices.of(List.of(ConsentScope.values()), i18n::label, i18n.get("field.choose"));
        scope.setId(Beneficiary.CONSENT_SCOPE);
        scope.valueProperty().bindBidirectional(model.consentScopeProperty());
        controls.put(Beneficiary.CONSENT_SCOPE, scope);
        form.field(i18n.get("field.consentScope") + " *", scope, model.error(Beneficiary.CONSENT_SCOPE), scope);
        ComboBox<ConsentMethod> method = Choices.of(List.of(ConsentMethod.values()), i18n::label, i18n.get("field.choose"));
        method.setId(Beneficiary.CONSENT_METHOD);
        method.valueProperty().bindBidirectional(model.consentMethodProperty());
        controls.put(Beneficiary.CONSENT_METHOD, method);
        form.field(i18n.get("field.consentMethod") + " *", method, model.error(Beneficiary.CONSENT_METHOD), method);
        TextField guardian = new TextField();
        guardian.setId(Beneficiary.CONSENT_GUARDIAN);
        guardian.setPromptText(i18n.get("field.consentGuardian.prompt"));
        guardian.textProperty().bindBidirectional(model.consentGuardianProperty());
        controls.put(Beneficiary.CONSENT_GUARDIAN, guardian);
        form.field(i18n.get("field.consentGuardian"), guardian, model.error(Beneficiary.CONSENT_GUARDIAN), guardian);
        bindDate(consentWithdrawnOn, model.consentWithdrawnOnProperty(), model.consentWithdrawnOnUnreadableProperty(),
                Beneficiary.CONSENT_WITHDRAWN_ON);
        form.field(i18n.get("field.consentWithdrawnOn"), consentWithdrawnOn.node(),
                model.error(Beneficiary.CONSENT_WITHDRAWN_ON), consentWithdrawnOn.node());

        form.section(i18n.get("beneficiary.section.situation"));
        TextArea situation = new TextArea();
        situation.setId(Beneficiary.SITUATION);
        situation.setWrapText(true);
        situation.setPrefRowCount(5);
        situation.setPromptText(i18n.format("field.situation.prompt", BeneficiaryRules.SITUATION_MAX));
        situation.textProperty().bindBidirectional(model.situationProperty());
        controls.put(Beneficiary.SITUATION, situation);
        form.field(i18n.get("field.situation"), situation, model.error(Beneficiary.SITUATION), situation);
        Label required = new Label(i18n.get("form.requiredNote"));
        required.getStyleClass().add(Styles.TEXT_MUTED);
        form.full(required);

        // The parts of the domains the file is followed in, under its own fields (beneficiary.profile).
        Map<Domain, javafx.beans.property.BooleanProperty> ticked = new java.util.EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            ticked.put(d, model.domainProperty(d));
        }
        profiles = new ProfilesView(model.profiles(), i18n, ticked, model::error);
        VBox content = new VBox(form.node(), profiles.node());
        // An existing file shows the person's circle first: who helps and their contacts, the
        // follow-ups, then the needs and who meets them.
        model.existingProperty().addListener((obs, was, now) -> {
            if (now && needs == null) {
                needs = new NeedsViewModel(context, model.id());
                circle = new CircleViewModel(context, model.id());
                needs.setOnChanged(circle::load);
                content.getChildren().addAll(0, List.of(new CircleView(circle, i18n).node(),
                        new NeedsView(needs, i18n).node()));
                model.setOnRefresh(() -> {
                    circle.load();
                    needs.load();
                });
                circle.load();
                needs.load();
            }
        });
        content.setPadding(new Insets(0, 24, 24, 24));
        content.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Scrolling.keepFocusedVisible(scroll);
        scroll.getStyleClass().add("edge-to-edge");

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
        Button close = new Button(i18n.get("beneficiary.close"), Icons.of(Material2OutlinedAL.ARCHIVE));
        close.setId("closeFile");
        close.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        close.visibleProperty().bind(model.existingProperty().and(model.statusProperty().isNotEqualTo(BeneficiaryStatus.CLOSED)));
        close.managedProperty().bind(close.visibleProperty());
        close.setOnAction(e -> closeFile());
        Button export = new Button(i18n.get("access.export"), Icons.of(Material2OutlinedAL.GET_APP));
        export.setId("exportAccess");
        export.getStyleClass().add(Styles.BUTTON_OUTLINED);
        export.setTooltip(new javafx.scene.control.Tooltip(i18n.get("access.export.tooltip")));
        export.visibleProperty().bind(model.existingProperty());
        export.managedProperty().bind(export.visibleProperty());
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(e -> context.files().toSave(root, i18n.get("access.export.title"), model.accessExportName(),
                        List.of(new FileChooser.ExtensionFilter(i18n.get("access.export.kind"), "*.pdf")))
                .ifPresent(model::exportAccess));
        Button erase = new Button(i18n.get("beneficiary.erase"), Icons.of(Material2OutlinedAL.DELETE_FOREVER));
        erase.setId("eraseFile");
        erase.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        erase.visibleProperty().bind(model.erasableProperty());
        erase.managedProperty().bind(erase.visibleProperty());
        erase.disableProperty().bind(model.busyProperty());
        erase.setOnAction(e -> eraseFile());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, save, cancel, spacer, export, close, erase);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(12, 24, 12, 24));
        actions.getStyleClass().add("form-actions");

        root.setTop(header);
        root.setCenter(scroll);
        root.setBottom(actions);
        root.getStyleClass().add("form-page");

        model.failureProperty().addListener((obs, old, message) -> showBanners(openOther));
        model.noticeProperty().addListener((obs, old, message) -> showBanners(openOther));
        model.duplicates().addListener((ListChangeListener<PossibleDuplicate>) c -> showBanners(openOther));
        model.errors().addListener((MapChangeListener<String, String>) c -> showBanners(openOther));
    }

    public BorderPane node() {
        return root;
    }

    /** Puts the cursor in the first field. */
    public void focusFirstField() {
        controls.get(Beneficiary.FIRST_NAME).requestFocus();
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
        profiles.commit();
        birthDate.commit();
        consentDate.commit();
        consentWithdrawnOn.commit();
        if (!model.save()) {
            controls.entrySet().stream()
                    .filter(e -> model.errors().containsKey(e.getKey()))
                    .findFirst()
                    .ifPresent(e -> e.getValue().requestFocus());
        }
    }

    private void leave() {
        profiles.commit();
        birthDate.commit();
        consentDate.commit();
        consentWithdrawnOn.commit();
        if (!model.hasChanges() || Dialogs.confirm(root, i18n, i18n.get("form.discard.header"),
                i18n.get("form.discard.content"), i18n.get("form.discard.confirm"))) {
            back.run();
        }
    }

    private void eraseFile() {
        if (Dialogs.confirmIrreversible(root, i18n, i18n.format("beneficiary.erase.header", model.titleProperty().get()),
                i18n.get("beneficiary.erase.content"), i18n.get("beneficiary.erase"))) {
            model.eraseFile();
        }
    }

    private void closeFile() {
        if (Dialogs.confirm(root, i18n, i18n.format("beneficiary.close.header", model.titleProperty().get()),
                i18n.get("beneficiary.close.content"), i18n.get("beneficiary.close"))) {
            model.closeFile();
        }
    }

    private void showBanners(Consumer<BeneficiaryId> openOther) {
        banners.getChildren().clear();
        if (model.failureProperty().get() != null) {
            banners.getChildren().add(banner(model.failureProperty().get(), Styles.DANGER));
        }
        if (model.noticeProperty().get() != null) {
            Label notice = banner(model.noticeProperty().get(), Styles.SUCCESS);
            notice.setId("formNotice");
            notice.setGraphic(Icons.of(Material2OutlinedAL.CHECK_CIRCLE));
            banners.getChildren().add(notice);
        }
        if (!model.errors().isEmpty()) {
            Label summary = banner(i18n.format("form.errors", model.errors().size()), Styles.DANGER);
            summary.setId("errorSummary");
            banners.getChildren().add(summary);
        }
        if (!model.duplicates().isEmpty()) {
            banners.getChildren().add(duplicatesPanel(openOther));
        }
    }

    private Label banner(String text, String style) {
        Label label = new Label(text, Icons.of(Material2OutlinedMZ.WARNING));
        label.setWrapText(true);
        label.getStyleClass().addAll("banner", style);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private VBox duplicatesPanel(Consumer<BeneficiaryId> openOther) {
        Label heading = new Label(i18n.get("duplicates.heading"), Icons.of(Material2OutlinedMZ.PERSON_SEARCH));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox panel = new VBox(8, heading);
        for (PossibleDuplicate duplicate : model.duplicates()) {
            var other = duplicate.existing();
            Label who = new Label(i18n.format("duplicates.entry", other.fullName(), i18n.date(other.birthDate()),
                    other.communeName() == null ? "" : other.communeName(), i18n.label(duplicate.reason())));
            who.setWrapText(true);
            Button open = new Button(i18n.get("duplicates.open"));
            open.setOnAction(e -> openOther.accept(other.id()));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(10, who, spacer, open);
            line.setAlignment(Pos.CENTER_LEFT);
            panel.getChildren().add(line);
        }
        Button different = new Button(i18n.get("duplicates.saveAnyway"));
        different.setId("notADuplicate");
        different.setOnAction(e -> model.confirmNotADuplicate());
        panel.getChildren().add(different);
        panel.setId("duplicatesPanel");
        panel.getStyleClass().addAll("banner", "duplicates", Styles.WARNING);
        panel.setPadding(new Insets(12));
        return panel;
    }
}
