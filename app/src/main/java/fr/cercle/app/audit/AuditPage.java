package fr.cercle.app.audit;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.staff.StaffMember;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.function.Function;

/**
 * The audit trail, for coordinators and administrators: who opened, created, changed, exported or
 * erased which record, and when, searched by person, by user and by period. Read only: nothing in
 * the application changes the trail.
 */
public final class AuditPage implements Page {

    private final AuditViewModel model;
    private final VBox root;
    private final TextField person = new TextField();

    public AuditPage(AppContext context) {
        this.model = new AuditViewModel(context);
        I18n i18n = context.i18n();

        Label title = new Label(i18n.get("audit.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(i18n.get("audit.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        person.setId("auditPerson");
        person.setPromptText(i18n.get("audit.person.prompt"));
        person.setPrefColumnCount(18);
        person.textProperty().bindBidirectional(model.personProperty());
        ComboBox<StaffMember> user = Choices.of(java.util.List.of(), StaffMember::fullName, i18n.get("audit.user.all"));
        user.setId("auditUser");
        user.setItems(model.users());
        user.valueProperty().bindBidirectional(model.userProperty());
        DateField from = new DateField().prompt(i18n.get("field.date.prompt"));
        from.node().setId("auditFrom");
        from.node().valueProperty().bindBidirectional(model.fromProperty());
        from.node().setPrefWidth(150);
        DateField to = new DateField().prompt(i18n.get("field.date.prompt"));
        to.node().setId("auditTo");
        to.node().valueProperty().bindBidirectional(model.toProperty());
        to.node().setPrefWidth(150);
        Button search = new Button(i18n.get("audit.search"), Icons.of(Material2OutlinedMZ.SEARCH));
        search.setId("auditSearch");
        search.setDefaultButton(true);
        search.disableProperty().bind(model.busyProperty());
        search.setOnAction(e -> {
            from.commit();
            to.commit();
            model.search();
        });
        person.setOnAction(e -> search.fire());
        FlowPane filters = new FlowPane(12, 8,
                labelled(i18n.get("audit.person"), person),
                labelled(i18n.get("audit.user"), user),
                labelled(i18n.get("audit.from"), from.node()),
                labelled(i18n.get("audit.to"), to.node()),
                labelled(" ", search));
        filters.setAlignment(Pos.BOTTOM_LEFT);

        Label failure = new Label();
        failure.setWrapText(true);
        failure.getStyleClass().addAll("banner", Styles.DANGER);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());

        TableView<AuditViewModel.Row> table = new TableView<>(model.rows());
        table.setId("auditTable");
        table.getColumns().add(column(i18n.get("audit.column.when"), AuditViewModel.Row::when, 140));
        table.getColumns().add(column(i18n.get("audit.column.who"), AuditViewModel.Row::who, 170));
        table.getColumns().add(column(i18n.get("audit.column.action"), AuditViewModel.Row::action, 120));
        table.getColumns().add(column(i18n.get("audit.column.kind"), AuditViewModel.Row::kind, 200));
        table.getColumns().add(column(i18n.get("audit.column.record"), AuditViewModel.Row::record, 220));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("audit.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);

        root = new VBox(12, title, intro, filters, failure, summary, table);
        root.setPadding(new Insets(20, 24, 24, 24));
        root.getStyleClass().add("audit");
        model.load();
    }

    private static VBox labelled(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return new VBox(4, label, field);
    }

    private static TableColumn<AuditViewModel.Row, String> column(String title, Function<AuditViewModel.Row, String> value,
                                                                  double width) {
        TableColumn<AuditViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        person.requestFocus();
    }

    @Override
    public void refresh() {
        model.refresh();
    }
}
