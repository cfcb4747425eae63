package fr.cercle.app.bench;

import atlantafx.base.theme.PrimerLight;
import fr.cercle.app.AppContext;
import fr.cercle.app.beneficiary.BeneficiariesPage;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.ui.FilterChoice;
import fr.cercle.app.ui.Styles;
import fr.cercle.persistence.CercleDatabase;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Cercle's real main window over a database, in a stage of the size {@code CercleApp} opens, with the
 * beneficiaries list loaded by its own view model (in the background, then on the JavaFX thread).
 */
final class CercleWindow implements AutoCloseable {

    private final TaskRunner tasks;
    private final Stage stage;
    private final MainWindow main;
    private final TableView<BeneficiaryRow> table;
    private final TextField search;
    private final ComboBox<FilterChoice<Object>> domainFilter;
    private final ComboBox<FilterChoice<Object>> statusFilter;

    @SuppressWarnings("unchecked")
    private CercleWindow(TaskRunner tasks, Stage stage, MainWindow main) {
        this.tasks = tasks;
        this.stage = stage;
        this.main = main;
        Scene scene = stage.getScene();
        this.table = (TableView<BeneficiaryRow>) Objects.requireNonNull(scene.lookup("#beneficiaryTable"));
        this.search = (TextField) Objects.requireNonNull(scene.lookup("#beneficiarySearch"));
        this.domainFilter = (ComboBox<FilterChoice<Object>>) Objects.requireNonNull(scene.lookup("#domainFilter"));
        this.statusFilter = (ComboBox<FilterChoice<Object>>) Objects.requireNonNull(scene.lookup("#statusFilter"));
    }

    /** The application's look, as {@code CercleApp.start} sets it; once per JVM. */
    static void useApplicationTheme() {
        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    /** Opens the window and waits until the list shows {@code expectedRows} rows. */
    static CercleWindow open(CercleDatabase db, Path scratch, int expectedRows) throws Exception {
        TaskRunner tasks = TaskRunner.forJavaFx();
        AppContext context = BenchContext.of(db, tasks, scratch);
        CercleWindow window = Fx.call(() -> {
            MainWindow main = new MainWindow(context, other -> { });
            main.installShortcuts();
            return new CercleWindow(tasks, show(main.node(), "Cercle"), main);
        });
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (Fx.call(() -> window.table.getItems().size()) != expectedRows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The list did not load its " + expectedRows + " rows");
            }
            tasks.awaitIdle();
            Thread.sleep(50);
        }
        Fx.run(window::layout);
        return window;
    }

    /** A stage of the application's size, with its style sheet. */
    static Stage show(Parent root, String title) {
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(CercleWindow.class.getResource(Styles.STYLESHEET)).toExternalForm());
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    TaskRunner tasks() {
        return tasks;
    }

    Scene scene() {
        return stage.getScene();
    }

    BeneficiariesPage beneficiaries() {
        return (BeneficiariesPage) main.page(MainWindow.Area.BENEFICIARIES);
    }

    TableView<BeneficiaryRow> table() {
        return table;
    }

    TextField search() {
        return search;
    }

    /** Chooses the entry of the domain (or status) menu whose value is this one ({@code null}: all). */
    void chooseDomain(Object value) {
        choose(domainFilter, value);
    }

    void chooseStatus(Object value) {
        choose(statusFilter, value);
    }

    private static void choose(ComboBox<FilterChoice<Object>> box, Object value) {
        box.getItems().stream().filter(c -> Objects.equals(c.value(), value)).findFirst()
                .ifPresentOrElse(box.getSelectionModel()::select, () -> {
                    throw new IllegalArgumentException("No filter entry " + value);
                });
    }

    /** What a pulse does before painting: styles, then layout (new cells for the new rows). */
    void layout() {
        layout(stage.getScene());
    }

    static void layout(Scene scene) {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
    }

    @Override
    public void close() {
        Fx.run(stage::close);
        tasks.close();
    }
}
