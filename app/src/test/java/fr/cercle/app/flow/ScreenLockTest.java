package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.access.AccessViewModel;
import fr.cercle.app.access.ScreenLock;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.security.Keyring;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window left alone locks itself: its content and its shortcuts go until the signed-in person's
 * password is given again; activity keeps it open.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenLockTest {

    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    Stage stage;
    TaskRunner tasks;
    final I18n i18n = new I18n(Language.FRENCH);
    final AtomicReference<ScreenLock> lock = new AtomicReference<>();
    final AtomicInteger shortcutUsed = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        tasks = TaskRunner.forJavaFx();
        Keyring.create(dir, "claire.martin", PASSWORD.toCharArray(), 1_000);
        AccessViewModel model = new AccessViewModel(dir, tasks, i18n, Clock.systemDefaultZone());
        Button file = new Button("Dossier de Jeanne Martin");
        file.setId("behind");
        robot.interact(() -> {
            TestApp.show(stage, new VBox(file));
            stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                    shortcutUsed::incrementAndGet);
            lock.set(new ScreenLock(stage.getScene(), model, i18n, "claire.martin", () -> Duration.ofSeconds(2)));
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> lock.get().stop());
        tasks.close();
    }

    @Test
    void activityKeepsItOpenThenIdlenessLocksItAndOnlyThePasswordOpensItAgain(FxRobot robot) throws Exception {
        for (int i = 0; i < 12; i++) {
            robot.moveTo("#behind").moveBy(i % 2 == 0 ? 5 : -5, 0);
            Thread.sleep(250);
        }
        assertThat(lock.get().isLocked()).as("three seconds of activity, with a two-second delay").isFalse();

        Ui.waitUntil(() -> lock.get().isLocked());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#behind").tryQuery()).as("the file behind is gone from the window").isEmpty();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-locked-fr"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(shortcutUsed).as("no shortcut reaches what is behind").hasValue(0);

        robot.clickOn("#unlockPassword").write("le chien dort");
        robot.clickOn("#unlock");
        Ui.waitUntil(() -> !robot.lookup("#accessMessage").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#accessMessage").queryAs(Label.class).getText()).startsWith("Identifiant ou mot de passe incorrect");
        assertThat(lock.get().isLocked()).isTrue();

        robot.clickOn("#unlockPassword").write(PASSWORD);
        robot.clickOn("#unlock");
        Ui.waitUntil(() -> !lock.get().isLocked());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#behind").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(shortcutUsed).as("the shortcuts are back").hasValue(1);
    }
}
