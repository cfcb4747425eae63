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
import javafx.scene.control.TableView;
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
        var staff = new fr.cercle.persistence.staff.StaffRepository(app.db().dsl(), app.db().writer()).all().get(0);
        app.context().currentStaffProperty().set(staff);
        AtomicReference<MainWindow> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new MainWindow(app.context(), other -> { }));
            TestApp.show(stage, window.get().node());
        });
        app.settle();
        TableView<?> beneficiaries = robot.lookup("#beneficiaryTable").queryAs(TableView.class);
        assertThat(beneficiaries.getItems()).hasSize(DemoDataGenerator.DEMO_BENEFICIARIES);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiaries" + suffix));

        robot.interact(() -> ((BeneficiariesPage) window.get().page(MainWindow.Area.BENEFICIARIES))
                .open(((fr.cercle.app.beneficiary.BeneficiaryRow) beneficiaries.getItems().get(0)).summary().id()));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "beneficiary-form" + suffix));

        robot.interact(() -> window.get().select(MainWindow.Area.HELPERS));
        app.settle();
        TableView<?> helpers = robot.lookup("#helperTable").queryAs(TableView.class);
        assertThat(helpers.getItems()).hasSize(DemoDataGenerator.DEMO_HELPERS);
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helpers" + suffix));
        robot.interact(() -> ((HelpersPage) window.get().page(MainWindow.Area.HELPERS))
                .open(((fr.cercle.app.helper.HelperRow) helpers.getItems().get(0)).summary().id()));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "helper-form" + suffix));

        robot.interact(() -> window.get().select(MainWindow.Area.SETTINGS));
        app.settle();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings" + suffix));
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
