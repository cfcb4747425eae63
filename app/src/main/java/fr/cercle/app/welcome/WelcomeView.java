package fr.cercle.app.welcome;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.CenteredCard;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.CommuneField;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.model.common.Domain;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** The welcome of the very first start: two short sections and one button. */
public final class WelcomeView {

    private final StackPane root;
    private final TextField structureName = new TextField();

    public WelcomeView(WelcomeViewModel model, AppContext context, Consumer<StaffMember> done) {
        I18n i18n = context.i18n();
        Label title = new Label(i18n.get("welcome.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = new Label(i18n.get("welcome.intro"));
        intro.setWrapText(true);

        FormLayout form = new FormLayout();
        form.section(i18n.get("welcome.structure"));
        structureName.setId(Structure.NAME);
        structureName.setPromptText(i18n.get("welcome.structureName.prompt"));
        structureName.textProperty().bindBidirectional(model.structureNameProperty());
        form.field(i18n.get("field.structureName") + " *", structureName, model.error(Structure.NAME), structureName);
        ComboBox<StructureKind> kind = Choices.of(List.of(StructureKind.values()), i18n::label, i18n.get("field.choose"));
        kind.setId(Structure.KIND);
        kind.valueProperty().bindBidirectional(model.structureKindProperty());
        form.field(i18n.get("field.structureKind") + " *", kind, model.error(Structure.KIND), kind);
        CommuneField commune = new CommuneField(context::searchCommunes, i18n.get("field.commune.prompt"));
        commune.node().setId(Structure.COMMUNE);
        commune.communeProperty().bindBidirectional(model.communeProperty());
        form.field(i18n.get("field.commune") + " *", commune.node(), model.error(Structure.COMMUNE), commune.node());

        form.section(i18n.get("welcome.you"));
        TextField first = new TextField();
        first.setId("firstName");
        first.textProperty().bindBidirectional(model.firstNameProperty());
        form.field(i18n.get("field.firstName") + " *", first, model.error(StaffMember.FIRST_NAME), first);
        TextField last = new TextField();
        last.setId("lastName");
        last.textProperty().bindBidirectional(model.lastNameProperty());
        form.field(i18n.get("field.lastName") + " *", last, model.error(StaffMember.LAST_NAME), last);
        FlowPane domains = new FlowPane(16, 8);
        for (Domain d : Domain.values()) {
            CheckBox box = new CheckBox(i18n.label(d));
            box.setId("domain-" + d.name());
            box.selectedProperty().bindBidirectional(model.domainProperty(d));
            domains.getChildren().add(box);
        }
        form.field(i18n.get("welcome.domains") + " *", domains, model.error(StaffMember.DOMAINS),
                (CheckBox) domains.getChildren().get(0));

        Button start = new Button(i18n.get("welcome.start"));
        start.setId("start");
        start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        start.setDefaultButton(true);
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> model.start(done));
        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        VBox card = new VBox(16, title, intro, form.node(), failure, start);
        root = CenteredCard.of(card, 760);
    }

    public StackPane node() {
        return root;
    }

    public void focusFirstField() {
        structureName.requestFocus();
    }
}
