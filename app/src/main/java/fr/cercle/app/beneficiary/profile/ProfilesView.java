package fr.cercle.app.beneficiary.profile;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.model.autonomy.AggirScore;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.common.Domain;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.SchoolProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The domain parts of a file's form, under its own fields: one section per domain the file is
 * followed in (shown only while that domain is ticked, and only to someone who sees that part). Each
 * section groups its fields and says what they are for. Lays out and binds only.
 */
public final class ProfilesView {

    private final ProfilesViewModel model;
    private final I18n i18n;
    private final Function<String, ObservableStringValue> error;
    private final VBox root = new VBox(8);
    private final List<DateField> dates = new ArrayList<>();

    /**
     * @param ticked whether each domain is ticked in the form
     * @param error  what to fix in a field, by the field's name (the form's messages)
     */
    public ProfilesView(ProfilesViewModel model, I18n i18n, Map<Domain, BooleanProperty> ticked,
                        Function<String, ObservableStringValue> error) {
        this.model = model;
        this.i18n = i18n;
        this.error = error;
        root.setId("profiles");
        if (model.sees(Domain.ELDERLY)) {
            root.getChildren().add(shownWhen(ticked.get(Domain.ELDERLY), elderly(), "profile-ELDERLY"));
        }
        if (model.sees(Domain.HEALTH)) {
            root.getChildren().add(shownWhen(ticked.get(Domain.HEALTH), health(), "profile-HEALTH"));
        }
        if (model.sees(Domain.SCHOOL)) {
            root.getChildren().add(shownWhen(ticked.get(Domain.SCHOOL), school(), "profile-SCHOOL"));
        }
    }

    public VBox node() {
        return root;
    }

    /** Reads the dates typed so far (the form calls this before saving or leaving). */
    public void commit() {
        dates.forEach(DateField::commit);
    }

    private static Node shownWhen(BooleanProperty ticked, Node section, String id) {
        section.setId(id);
        section.visibleProperty().bind(ticked);
        section.managedProperty().bind(ticked);
        return section;
    }

    // ---- elderly

    private Node elderly() {
        ElderlyProfileViewModel m = model.elderly();
        FormLayout form = new FormLayout();
        form.section(i18n.get("profile.elderly.section"));
        form.full(note("profile.elderly.note"));
        form.field(i18n.get("profile.elderly.grid"), aggirGrid(m), error.apply(ElderlyProfile.AGGIR), null);
        Label gir = new Label();
        gir.setId("girText");
        gir.textProperty().bind(m.girTextProperty());
        gir.getStyleClass().addAll(Styles.TITLE_4);
        gir.setWrapText(true);
        gir.styleProperty().bind(Bindings.when(m.girProperty().isNull()).then("-fx-text-fill: -color-fg-muted;")
                .otherwise("-fx-text-fill: -color-accent-fg;"));
        form.field(i18n.get("profile.elderly.gir"), gir, null, null);
        form.field(i18n.get("profile.elderly.assessedOn"), date(ElderlyProfile.ASSESSED_ON, m.assessedOnProperty()),
                error.apply(ElderlyProfile.ASSESSED_ON), null);
        ComboBox<ApaStatus> apa = choice(ElderlyProfile.APA, ApaStatus.values(), m.apaProperty());
        form.field(i18n.get("profile.elderly.apa"), apa, error.apply(ElderlyProfile.APA), apa);
        CheckBox alone = check("livesAlone", i18n.get("profile.elderly.livesAlone"), m.livesAloneProperty());
        form.field(i18n.get("profile.elderly.household"), alone, null, alone);
        TextField disability = text(ElderlyProfile.DISABILITY, m.disabilityProperty(), "profile.elderly.disability.prompt");
        form.field(i18n.get("profile.elderly.disability"), disability, error.apply(ElderlyProfile.DISABILITY), disability);

        form.section(i18n.get("profile.elderly.emergency"));
        contact(form, ElderlyProfile.EMERGENCY_NAME, m.emergencyNameProperty(), ElderlyProfile.EMERGENCY_PHONE,
                m.emergencyPhoneProperty());
        TextField relation = text(ElderlyProfile.EMERGENCY_RELATION, m.emergencyRelationProperty(),
                "profile.elderly.emergencyRelation.prompt");
        form.field(i18n.get("profile.elderly.emergencyRelation"), relation, error.apply(ElderlyProfile.EMERGENCY_RELATION),
                relation);

        form.section(i18n.get("profile.heatwave.section"));
        form.full(note("profile.heatwave.note"));
        CheckBox registered = check("heatwaveRegistered", i18n.get("profile.heatwave.registered"), m.registeredProperty());
        form.full(registered);
        FormLayout register = new FormLayout();
        register.field(i18n.get("profile.heatwave.registeredOn") + " *",
                date(ElderlyProfile.HEATWAVE_REGISTERED_ON, m.registeredOnProperty()),
                error.apply(ElderlyProfile.HEATWAVE_REGISTERED_ON), null);
        ComboBox<HeatwaveRequester> by = choice(ElderlyProfile.HEATWAVE_REQUESTED_BY, HeatwaveRequester.values(),
                m.requestedByProperty());
        register.field(i18n.get("profile.heatwave.requestedBy") + " *", by, error.apply(ElderlyProfile.HEATWAVE_REQUESTED_BY), by);
        TextField requester = text(ElderlyProfile.HEATWAVE_REQUESTER_NAME, m.requesterNameProperty(),
                "profile.heatwave.requesterName.prompt");
        Label requesterLabel = register.field(i18n.get("profile.heatwave.requesterName") + " *", requester,
                error.apply(ElderlyProfile.HEATWAVE_REQUESTER_NAME), requester);
        var someoneElse = Bindings.createBooleanBinding(() -> m.requestedByProperty().get() != null
                && m.requestedByProperty().get().namesSomeoneElse(), m.requestedByProperty());
        for (Node n : List.of(requesterLabel, requester.getParent())) {
            n.visibleProperty().bind(someoneElse);
            n.managedProperty().bind(someoneElse);
        }
        ComboBox<HeatwaveCapacity> capacity = choice(ElderlyProfile.HEATWAVE_CAPACITY, HeatwaveCapacity.values(),
                m.capacityProperty());
        register.field(i18n.get("profile.heatwave.capacity") + " *", capacity, error.apply(ElderlyProfile.HEATWAVE_CAPACITY),
                capacity);
        TextField services = text(ElderlyProfile.HEATWAVE_SERVICES, m.servicesProperty(), "profile.heatwave.services.prompt");
        register.field(i18n.get("profile.heatwave.services"), services, error.apply(ElderlyProfile.HEATWAVE_SERVICES), services);
        register.node().setId("heatwaveRegister");
        register.node().visibleProperty().bind(m.registeredProperty());
        register.node().managedProperty().bind(m.registeredProperty());
        VBox box = new VBox(form.node(), register.node());
        return card(box);
    }

    /** Ten rows, one per variable, each with its A, B and C; the scale explained once above. */
    private Node aggirGrid(ElderlyProfileViewModel m) {
        GridPane grid = new GridPane();
        grid.setId("aggirGrid");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints words = new ColumnConstraints();
        words.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(words, new ColumnConstraints());
        Label scale = new Label(i18n.get("profile.elderly.scale"));
        scale.setWrapText(true);
        scale.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(scale, 0, 0, 2, 1);
        int row = 1;
        for (AggirVariable variable : AggirVariable.values()) {
            Label name = new Label(i18n.label(variable));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label hint = new Label(i18n.get(hintKey(variable))
                    + (variable.discriminating() ? "" : " " + i18n.get("profile.aggir.notCounted")));
            hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            hint.setWrapText(true);
            VBox text = new VBox(0, name, hint);
            grid.add(text, 0, row);
            grid.add(scores(variable, m.scoreProperty(variable)), 1, row);
            row++;
        }
        return grid;
    }

    /** What each variable looks at, in a few words (the annex's definitions, shortened). */
    private static String hintKey(AggirVariable variable) {
        return switch (variable) {
            case COHERENCE -> "profile.aggir.hint.coherence";
            case ORIENTATION -> "profile.aggir.hint.orientation";
            case WASHING -> "profile.aggir.hint.washing";
            case DRESSING -> "profile.aggir.hint.dressing";
            case EATING -> "profile.aggir.hint.eating";
            case ELIMINATION -> "profile.aggir.hint.elimination";
            case TRANSFERS -> "profile.aggir.hint.transfers";
            case MOVING_INSIDE -> "profile.aggir.hint.movingInside";
            case MOVING_OUTSIDE -> "profile.aggir.hint.movingOutside";
            case REMOTE_COMMUNICATION -> "profile.aggir.hint.remoteCommunication";
        };
    }

    private HBox scores(AggirVariable variable, ObjectProperty<AggirScore> score) {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        buttons.setAlignment(Pos.CENTER_RIGHT);
        AggirScore[] all = AggirScore.values();
        for (int i = 0; i < all.length; i++) {
            AggirScore value = all[i];
            ToggleButton button = new ToggleButton(value.name());
            button.setId("aggir-" + variable.name() + "-" + value.name());
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setMinWidth(44);
            button.setTooltip(new Tooltip(i18n.label(value)));
            button.setAccessibleText(i18n.label(variable) + " : " + value.name() + ", " + i18n.label(value));
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            buttons.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            AggirScore chosen = now == null ? null : (AggirScore) now.getUserData();
            if (score.get() != chosen) {
                score.set(chosen);
            }
        });
        Runnable show = () -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == score.get()));
        score.addListener((obs, old, now) -> show.run());
        show.run();
        return buttons;
    }

    // ---- health

    private Node health() {
        HealthProfileViewModel m = model.health();
        FormLayout form = new FormLayout();
        form.section(i18n.get("profile.health.section"));
        form.full(note("profile.health.note"));
        FlowPane conditions = new FlowPane(16, 6);
        conditions.setId(HealthProfile.CONDITIONS);
        for (ChronicCondition c : ChronicCondition.values()) {
            conditions.getChildren().add(check("condition-" + c.name(), i18n.label(c), m.conditionProperty(c)));
        }
        form.field(i18n.get("profile.health.conditions"), conditions, error.apply(HealthProfile.CONDITIONS), null);
        TextField other = text(HealthProfile.OTHER_CONDITIONS, m.otherConditionsProperty(), "profile.health.other.prompt");
        form.field(i18n.get("profile.health.other"), other, error.apply(HealthProfile.OTHER_CONDITIONS), other);
        ComboBox<EducationStage> stage = choice(HealthProfile.EDUCATION, EducationStage.values(), m.educationProperty());
        form.field(i18n.get("profile.health.education"), stage, error.apply(HealthProfile.EDUCATION), stage);

        form.section(i18n.get("profile.health.contacts"));
        form.full(subheading("profile.health.nurse"));
        contact(form, HealthProfile.NURSE_NAME, m.nurseNameProperty(), HealthProfile.NURSE_PHONE, m.nursePhoneProperty());
        form.full(subheading("profile.health.gp"));
        contact(form, HealthProfile.GP_NAME, m.gpNameProperty(), HealthProfile.GP_PHONE, m.gpPhoneProperty());
        form.full(subheading("profile.health.trust"));
        contact(form, HealthProfile.TRUST_NAME, m.trustNameProperty(), HealthProfile.TRUST_PHONE, m.trustPhoneProperty());
        return card(form.node());
    }

    // ---- school

    private Node school() {
        SchoolProfileViewModel m = model.school();
        FormLayout form = new FormLayout();
        form.section(i18n.get("profile.school.section"));
        TextField school = text(SchoolProfile.SCHOOL, m.schoolProperty(), "profile.school.school.prompt");
        form.field(i18n.get("profile.school.school"), school, error.apply(SchoolProfile.SCHOOL), school);
        TextField schoolClass = text(SchoolProfile.SCHOOL_CLASS, m.schoolClassProperty(), "profile.school.class.prompt");
        form.field(i18n.get("profile.school.class"), schoolClass, error.apply(SchoolProfile.SCHOOL_CLASS), schoolClass);
        TextField counselor = text(SchoolProfile.COUNSELOR, m.counselorProperty(), "profile.school.counselor.prompt");
        form.field(i18n.get("profile.school.counselor"), counselor, error.apply(SchoolProfile.COUNSELOR), counselor);

        form.section(i18n.get("profile.school.absences"));
        form.full(note("profile.school.absences.note"));
        TextField absent = number(SchoolProfile.ABSENT_HALF_DAYS, m.absentHalfDaysProperty());
        form.field(i18n.get("profile.school.absent"), absent, error.apply(SchoolProfile.ABSENT_HALF_DAYS), absent);
        TextField unjustified = number(SchoolProfile.UNJUSTIFIED_HALF_DAYS, m.unjustifiedHalfDaysProperty());
        form.field(i18n.get("profile.school.unjustified"), unjustified, error.apply(SchoolProfile.UNJUSTIFIED_HALF_DAYS),
                unjustified);
        form.field(i18n.get("profile.school.countedOn"), date(SchoolProfile.ABSENCES_COUNTED_ON, m.absencesCountedOnProperty()),
                error.apply(SchoolProfile.ABSENCES_COUNTED_ON), null);

        form.section(i18n.get("profile.school.path"));
        form.full(note("profile.school.path.note"));
        form.full(timeline(m));
        Label where = new Label();
        where.setId("pathText");
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_BOLD);
        where.textProperty().bind(m.pathTextProperty());
        form.full(where);
        for (DropoutStep step : DropoutStep.values()) {
            ObservableStringValue message = error.apply(SchoolProfile.field(step));
            Label problem = new Label();
            problem.getStyleClass().add("field-error");
            problem.textProperty().bind(Bindings.createStringBinding(() -> message.get() == null || message.get().isEmpty()
                    ? "" : i18n.label(step) + " : " + message.get(), message));
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            form.full(problem);
        }
        ComboBox<DropoutOutcome> outcome = choice(SchoolProfile.OUTCOME, DropoutOutcome.values(), m.outcomeProperty());
        form.field(i18n.get("profile.school.outcome"), outcome, error.apply(SchoolProfile.OUTCOME), outcome);
        form.field(i18n.get("profile.school.outcomeOn"), date(SchoolProfile.OUTCOME_ON, m.outcomeOnProperty()),
                error.apply(SchoolProfile.OUTCOME_ON), null);

        form.section(i18n.get("profile.school.consent"));
        form.full(note("profile.school.consent.note"));
        form.field(i18n.get("profile.school.consentDate"), date(SchoolProfile.PARENTAL_CONSENT_DATE,
                m.parentalConsentDateProperty()), error.apply(SchoolProfile.PARENTAL_CONSENT_DATE), null);
        TextField by = text(SchoolProfile.PARENTAL_CONSENT_BY, m.parentalConsentByProperty(), "profile.school.consentBy.prompt");
        form.field(i18n.get("profile.school.consentBy"), by, error.apply(SchoolProfile.PARENTAL_CONSENT_BY), by);
        return card(form.node());
    }

    /**
     * The four steps one under the other, joined by a line: each a dot (filled once reached), its
     * number and name, and its date.
     */
    private Node timeline(SchoolProfileViewModel m) {
        GridPane line = new GridPane();
        line.setId("dropoutTimeline");
        line.setHgap(10);
        line.setVgap(0);
        DropoutStep[] steps = DropoutStep.values();
        for (int i = 0; i < steps.length; i++) {
            DropoutStep step = steps[i];
            ObjectProperty<LocalDate> day = m.stepProperty(step);
            Circle dot = new Circle(8);
            dot.styleProperty().bind(Bindings.when(day.isNull())
                    .then("-fx-fill: -color-bg-default; -fx-stroke: -color-border-default; -fx-stroke-width: 2;")
                    .otherwise("-fx-fill: -color-accent-emphasis; -fx-stroke: -color-accent-emphasis; -fx-stroke-width: 2;"));
            Region link = new Region();
            link.setMinSize(2, 14);
            link.setMaxWidth(2);
            link.setStyle("-fx-background-color: -color-border-default;");
            VBox marker = new VBox(0, dot);
            marker.setAlignment(Pos.TOP_CENTER);
            marker.setPadding(new Insets(8, 0, 0, 0));
            if (i < steps.length - 1) {
                marker.getChildren().add(link);
                VBox.setVgrow(link, Priority.ALWAYS);
            }
            Label name = new Label((i + 1) + ". " + i18n.label(step));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPadding(new Insets(6, 0, 0, 0));
            DateField date = new DateField().prompt(i18n.get("field.date.prompt"));
            dates.add(date);
            date.node().setId("step-" + step.name());
            date.node().valueProperty().bindBidirectional(day);
            date.node().setPrefWidth(170);
            date.node().setAccessibleText(i18n.label(step));
            VBox.setMargin(date.node(), new Insets(0, 0, 10, 0));
            line.add(marker, 0, i);
            line.add(name, 1, i);
            line.add(new VBox(date.node()), 2, i);
        }
        return line;
    }

    // ---- shared pieces

    private Node card(Node content) {
        VBox card = new VBox(content);
        card.setPadding(new Insets(4, 0, 8, 0));
        return card;
    }

    private Label note(String key) {
        Label note = new Label(i18n.get(key));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        return note;
    }

    private Label subheading(String key) {
        Label heading = new Label(i18n.get(key));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        return heading;
    }

    private void contact(FormLayout form, String nameField, StringProperty name, String phoneField, StringProperty phone) {
        TextField nameBox = text(nameField, name, null);
        form.field(i18n.get("profile.contact.name"), nameBox, error.apply(nameField), nameBox);
        TextField phoneBox = text(phoneField, phone, null);
        phoneBox.setPromptText("06 12 34 56 78");
        form.field(i18n.get("profile.contact.phone"), phoneBox, error.apply(phoneField), phoneBox);
    }

    private TextField text(String id, StringProperty property, String promptKey) {
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(property);
        if (promptKey != null) {
            text.setPromptText(i18n.get(promptKey));
        }
        return text;
    }

    private TextField number(String id, StringProperty property) {
        TextField text = text(id, property, null);
        text.setPrefColumnCount(4);
        text.setMaxWidth(100);
        return text;
    }

    private CheckBox check(String id, String label, BooleanProperty property) {
        CheckBox box = new CheckBox(label);
        box.setId(id);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, ObjectProperty<E> property) {
        ComboBox<E> box = Choices.of(List.of(values), i18n::label, i18n.get("field.choose"));
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private Node date(String id, ObjectProperty<LocalDate> property) {
        DateField date = new DateField().prompt(i18n.get("field.date.prompt"));
        dates.add(date);
        date.node().setId(id);
        date.node().valueProperty().bindBidirectional(property);
        return date.node();
    }
}
