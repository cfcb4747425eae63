package fr.cercle.app;

import atlantafx.base.theme.PrimerLight;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.preferences.UserPreferences;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.sync.SyncService;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.ui.Styles;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.staff.StaffRepository;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real client on a real H2 database in a temporary folder, for UI and view-model tests. Its sync
 * runs on a runner of the same kind as the given one; its first automatic sync, when started, comes
 * after {@link #FIRST_SYNC_DELAY}.
 */
public final class TestApp implements AutoCloseable {

    public static final Duration FIRST_SYNC_DELAY = Duration.ofMillis(200);

    /** The login of the account that created the installation. */
    public static final String FOUNDER = "claire.moreau";

    private final CercleDatabase db;
    private final TaskRunner tasks;
    private final AppContext context;

    private TestApp(CercleDatabase db, TaskRunner tasks, AppContext context) {
        this.db = db;
        this.tasks = tasks;
        this.context = context;
    }

    /** An installation past its welcome: a structure and one staff member, the author. */
    public static TestApp installed(Path dir, TaskRunner tasks, Language language) {
        return installed(dir, tasks, language, TestData.CLOCK);
    }

    public static TestApp installed(Path dir, TaskRunner tasks, Language language, Clock clock) {
        CercleDatabase db = TestDatabases.withCommunes(dir, clock);
        StaffMember claire = TestData.staff();
        db.writer().run(claire.id(), tx -> {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(tx, claire);
            new fr.cercle.persistence.installation.InstallationRepository(db.dsl(), db.deviceId())
                    .save(tx, new Structure("CCAS de La Souterraine", StructureKind.CCAS, TestData.LA_SOUTERRAINE));
        });
        db.localSettings().put(LocalSettings.CURRENT_STAFF, claire.id().toString());
        // Claire founded the installation: its administrator and coordinator, as the first start makes her.
        AccountRepository accounts = new AccountRepository(db.dsl(), clock);
        accounts.save(new Account(FOUNDER, Optional.of(claire.id()), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)), FOUNDER);
        return new TestApp(db, tasks, context(dir, db, tasks, language, claire, accounts.viewer(FOUNDER)));
    }

    /** A first start: no structure, no staff yet. */
    public static TestApp fresh(Path dir, TaskRunner tasks, Language language) {
        CercleDatabase db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        Viewer founder = new Viewer(FOUNDER, Optional.empty(), Set.of(Role.ADMINISTRATOR), Set.of());
        return new TestApp(db, tasks, context(dir, db, tasks, language, null, founder));
    }

    private static AppContext context(Path dir, CercleDatabase db, TaskRunner tasks, Language language,
                                      StaffMember author, Viewer viewer) {
        SyncService sync = new SyncService(db, tasks, tasks.sibling("cercle-sync"), FIRST_SYNC_DELAY);
        return new AppContext(db, tasks, new I18n(language), UserPreferences.load(dir), false, author, viewer, sync);
    }

    /**
     * Signs in as the founder acting as this staff member (as the first start does once the demo or
     * the welcome has recorded the staff): administrator and coordinator.
     */
    public void actAsFounder(StaffMember member) {
        AccountRepository accounts = new AccountRepository(db.dsl(), db.clock());
        accounts.save(new Account(FOUNDER, Optional.of(member.id()), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)), FOUNDER);
        context.viewerProperty().set(accounts.viewer(FOUNDER));
        context.currentStaffProperty().set(member);
    }

    public AppContext context() {
        return context;
    }

    public CercleDatabase db() {
        return db;
    }

    /**
     * Goes to an area through its entry in the navigation, as a person does, and waits for it to load.
     * The main window opens on "Today": a test about the people list starts with
     * {@code app.goTo(robot, MainWindow.Area.BENEFICIARIES)}.
     */
    public void goTo(FxRobot robot, MainWindow.Area area) {
        robot.clickOn("#nav-" + area.name().toLowerCase(java.util.Locale.ROOT));
        settle();
    }

    /** Waits until background tasks and the JavaFX events they posted are done (a few rounds, for chains). */
    public void settle() {
        try {
            for (int i = 0; i < 4; i++) {
                tasks.awaitIdle();
                context.sync().awaitIdle();
                WaitForAsyncUtils.waitForFxEvents();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shows a root in the stage with the application's theme and styles. */
    public static void show(Stage stage, Parent root) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(TestApp.class.getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void close() {
        context.sync().close();
        tasks.close();
        db.close();
    }
}
