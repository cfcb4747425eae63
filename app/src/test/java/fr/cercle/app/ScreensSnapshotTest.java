package fr.cercle.app;

import fr.cercle.app.beneficiary.BeneficiariesPage;
import fr.cercle.app.helper.HelpersPage;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.welcome.WelcomeView;
import fr.cercle.app.welcome.WelcomeViewModel;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of each main screen, with the demo data, in French and in English, under
 * {@code target/snapshots/}: people look at them; the test checks the screens fill with data.
 */
@ExtendWith(ApplicationExtension.class)
class ScreensSnapshotTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void mainScreensWithTheDemoData(Language language, FxRobot robot) {
        app = TestApp.fresh(dir, TaskRunner.forJavaFx(), language);
        DemoDataGenerator.forDemo(app.db()).generateDemo(Progress.NONE);
        String suffix = "-" + language.code();
        var staff = new fr.cercle.persistence.staff.StaffRepository(app.db().dsl(), app.db().writer(), app.context().viewer()).all().get(0);
        app.actAsFounder(staff);
        AtomicReference<MainWindow> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new MainWindow(app.context(), other -> { }));
            TestApp.show(stage, window.get().node());
        });
        app.settle();
        assertThat(window.get().currentArea()).as("the window opens on the day's work").isEqualTo(MainWindow.Area.TODAY);
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
        TableView<?> beneficiaries = robot.lookup("#beneficiaryTable").queryAs(TableView.class);
        assertThat(beneficiaries.getItems()).hasSize(DemoDataGenerator.DEMO_BENEFICIARIES);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiaries" + suffix));
        assertNothingEssentialIsCut(robot, beneficiaries, "#beneficiaryCount");

        robot.interact(() -> ((BeneficiariesPage) window.get().page(MainWindow.Area.BENEFICIARIES))
                .open(((fr.cercle.app.beneficiary.BeneficiaryRow) beneficiaries.getItems().get(0)).summary().id()));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiary-form" + suffix));

        robot.interact(() -> window.get().select(MainWindow.Area.HELPERS));
        app.settle();
        TableView<?> helpers = robot.lookup("#helperTable").queryAs(TableView.class);
        assertThat(helpers.getItems()).hasSize(DemoDataGenerator.DEMO_HELPERS);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helpers" + suffix));
        assertNothingEssentialIsCut(robot, helpers, "#helperCount");
        robot.interact(() -> ((HelpersPage) window.get().page(MainWindow.Area.HELPERS))
                .open(((fr.cercle.app.helper.HelperRow) helpers.getItems().get(0)).summary().id()));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helper-form" + suffix));

        robot.interact(() -> window.get().select(MainWindow.Area.SETTINGS));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings" + suffix));
    }

    /**
     * At 1280 × 800, what one must read whole is not cut: the count, every column header (also with
     * the sort arrow beside the header of a short column), and every value of the short columns, those
     * with a maximum width (age, date, status…). JavaFX shows a cut text with an ellipsis in the
     * label's text node.
     */
    private void assertNothingEssentialIsCut(FxRobot robot, TableView<?> table, String count) {
        List<String> cut = new ArrayList<>();
        List<String> shortValues = new ArrayList<>();
        Labeled counted = robot.lookup(count).queryAs(Labeled.class);
        robot.interact(() -> {
            if (isCut(counted)) {
                cut.add(counted.getText());
            }
            cut.addAll(cutHeaders(table));
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && isShort(cell.getTableColumn()) && cell.getText() != null && !cell.getText().isEmpty()) {
                    shortValues.add(cell.getText());
                    if (isCut(cell)) {
                        cut.add(cell.getText());
                    }
                }
            }
        });
        List<? extends TableColumn<?, ?>> shortColumns = table.getColumns().stream().filter(ScreensSnapshotTest::isShort).toList();
        List<TableColumn<?, ?>> sortedBy = List.copyOf(table.getSortOrder());
        for (TableColumn<?, ?> column : shortColumns) {
            robot.interact(() -> setSortOrder(table, List.of(column)));
            app.settle();
            robot.interact(() -> cut.addAll(cutHeaders(table)));
        }
        robot.interact(() -> setSortOrder(table, sortedBy));
        app.settle();

        assertThat(shortColumns).isNotEmpty();
        assertThat(shortValues).isNotEmpty();
        assertThat(cut).isEmpty();
    }

    private static boolean isShort(TableColumn<?, ?> column) {
        return column.getMaxWidth() < Double.MAX_VALUE;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setSortOrder(TableView table, List<TableColumn<?, ?>> columns) {
        table.getSortOrder().setAll(columns);
    }

    private static List<String> cutHeaders(TableView<?> table) {
        List<String> cut = new ArrayList<>();
        table.applyCss();
        table.layout();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Labeled label && isCut(label)) {
                cut.add(label.getText());
            }
        }
        return cut;
    }

    private static boolean isCut(Labeled labeled) {
        return labeled.getText() != null && labeled.lookup(".text") instanceof Text shown
                && !labeled.getText().equals(shown.getText());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void welcome(Language language, FxRobot robot) {
        app = TestApp.fresh(dir, TaskRunner.forJavaFx(), language);
        robot.interact(() -> TestApp.show(stage, new WelcomeView(new WelcomeViewModel(app.context()), app.context(), m -> { }).node()));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "welcome-" + language.code()));
        assertThat(robot.lookup("#start").tryQuery()).isPresent();
    }
}
