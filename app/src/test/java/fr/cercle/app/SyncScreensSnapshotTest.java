package fr.cercle.app;

import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.sync.SyncService;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of the sync's screens under {@code target/snapshots/}, in French and in English: the sync
 * screen without a server, the settings once this computer is enrolled with the server, the sync screen
 * after a sync that brought a conflict, and the conflicts screen. People look at them; the test checks
 * what they show.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreensSnapshotTest {

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void syncScreens(Language language, FxRobot robot) throws Exception {
        String suffix = "-" + language.code();
        StaffMember paul = SyncFixtures.paul();
        try (TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.forJavaFx(), language);
             SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             CercleDatabase townHall = SyncFixtures.townHall(dir.resolve("mairie"),
                     Clock.offset(TestData.CLOCK, Duration.ofHours(1)), paul, server)) {
            StaffMember claire = app.context().currentStaffProperty().get();
            Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
            SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
            SyncFixtures.lucie(townHall, paul);
            robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
            app.settle();

            robot.clickOn("#nav-sync");
            app.settle();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "sync-without-server" + suffix));
            assertThat(robot.lookup("#syncOpenSettings").query().isVisible()).isTrue();

            robot.clickOn("#syncOpenSettings");
            app.settle();
            assertThat(robot.lookup("#enrolmentStatus").queryAs(Label.class).getText()).isNotEmpty();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings-not-enrolled" + suffix));
            robot.clickOn("#syncServer").write(server.uri().toString());
            robot.clickOn("#enrolmentCode").write(server.code(SyncFixtures.CCAS).toString());
            robot.clickOn("#enrol");
            app.settle();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings-sync" + suffix));
            assertThat(robot.lookup("#syncServer").queryAs(TextField.class).getText()).isEqualTo(server.uri().toString());
            assertThat(robot.lookup("#enrolmentStatus").queryAs(Label.class).getText())
                    .contains(server.gateway().registry().keys().publicIdentity().fingerprint());

            robot.clickOn("#nav-sync");
            robot.clickOn("#syncNow");
            app.settle();
            SyncFixtures.sync(townHall);
            SyncFixtures.beneficiaries(app.db()).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
            SyncFixtures.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.CLOSED), paul.id());
            SyncFixtures.sync(townHall);
            robot.clickOn("#syncNow");
            app.settle();
            // The automatic sync takes over: the screen then says when the next one comes.
            robot.interact(() -> app.context().sync().startAutomatic());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.context().sync().lastOutcomeProperty().get() != null
                    && app.context().sync().lastOutcomeProperty().get().trigger() == SyncService.Trigger.AUTOMATIC);
            app.settle();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "sync" + suffix));
            assertThat(robot.lookup("#syncBadge").queryAs(Label.class).isVisible()).isTrue();
            assertThat(robot.lookup("#syncNext").queryAs(Label.class).getText()).isNotEmpty();

            robot.clickOn("#openConflicts");
            app.settle();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "conflicts" + suffix));
            assertThat(robot.lookup("#keep-0-1").tryQuery()).isPresent();
        }
    }
}
