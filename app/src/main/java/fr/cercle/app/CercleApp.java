package fr.cercle.app;

import atlantafx.base.theme.PrimerLight;
import fr.cercle.app.access.AccessView;
import fr.cercle.app.access.AccessViewModel;
import fr.cercle.app.access.ScreenLock;
import fr.cercle.app.access.Session;
import fr.cercle.app.backup.AutomaticBackupService;
import fr.cercle.app.backup.RestoreViewModel;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.instance.Arrivals;
import fr.cercle.app.instance.OpenRequest;
import fr.cercle.app.instance.SingleInstance;
import fr.cercle.app.preferences.UserPreferences;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.startup.Startup;
import fr.cercle.app.startup.StartupErrors;
import fr.cercle.app.startup.StartupView;
import fr.cercle.app.sync.SyncService;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.ui.FilePicker;
import fr.cercle.app.ui.Styles;
import fr.cercle.app.welcome.WelcomeView;
import fr.cercle.app.welcome.WelcomeViewModel;
import fr.cercle.persistence.security.DatabaseKey;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The JavaFX application: shows the startup screen at once, then the sign-in (or, the very first
 * time, the administrator's account), opens the encrypted data in the background, then the welcome
 * (first start) or the main window. A database that cannot be opened gets a clear
 * dialog and a clean exit.
 */
public final class CercleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CercleApp.class);
    private static LaunchOptions options = new LaunchOptions(false, null);
    private static Path dataDir;
    /** Whether the sign-in (or first account) screen was laid out: what {@code --check-start} reports. */
    private static volatile boolean firstScreenReached;
    /** The channel later launches hand their files through, or {@code null} when it could not be opened. */
    private static SingleInstance instance;

    private TaskRunner tasks;
    private AppContext context;
    /** Who signed in, and the lock that asks for their password again after inactivity. */
    private String signedIn;
    private AccessViewModel access;
    private ScreenLock screenLock;
    /** Exchange files given at launch or by later launches, imported once the main window shows. */
    private Arrivals arrivals;
    /** The automatic local backups, while someone is signed in. */
    private AutomaticBackupService backups;

    /** Called by {@link Main} before launching: JavaFX creates this class itself, without arguments. */
    static void prepare(LaunchOptions launchOptions, Path directory, SingleInstance running) {
        options = Objects.requireNonNull(launchOptions);
        dataDir = Objects.requireNonNull(directory);
        instance = running;
    }

    /** Whether this run reached its first screen (for {@code --check-start}, once the app has exited). */
    static boolean firstScreenReached() {
        return firstScreenReached;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path directory = dataDir != null ? dataDir : Main.dataDirectory(options);
        UserPreferences preferences = UserPreferences.load(directory);
        I18n i18n = new I18n(preferences.language());
        tasks = TaskRunner.forJavaFx();

        StartupView splash = new StartupView(i18n);
        Scene scene = new Scene(splash.node(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(i18n.get("app.name") + (options.demo() ? " — " + i18n.get("nav.demo") : ""));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.show();
        LOG.info("Window shown; opening data in {}", directory);
        arrivals = new Arrivals(stage, i18n);
        if (options.bundle() != null) {
            // A bundle file double-clicked: imported once, after the sign-in, on the sync area.
            arrivals.show(OpenRequest.open(options.bundle()));
        }
        if (instance != null) {
            instance.listen(arrivals::arrived);
        }

        Clock clock = Clock.systemDefaultZone();
        tasks.run(() -> AccessViewModel.prepare(directory, options.demo()),
                mode -> showAccess(stage, mode, directory, i18n, preferences, splash, clock, null),
                error -> fail(stage, i18n, directory, error));
    }

    /** Sign in, or create the first account; then open the data with the key. */
    private void showAccess(Stage stage, AccessViewModel.Mode mode, Path directory, I18n i18n,
                            UserPreferences preferences, StartupView splash, Clock clock, String notice) {
        AccessViewModel model = new AccessViewModel(directory, tasks, i18n, clock);
        Consumer<DatabaseKey> open = key -> {
            signedIn = model.loginProperty().get().strip().toLowerCase(java.util.Locale.ROOT);
            access = model;
            stage.getScene().setRoot(splash.node());
            openData(stage, directory, key, i18n, preferences, splash, clock);
        };
        AccessView view = mode == AccessViewModel.Mode.SIGN_IN
                ? AccessView.signIn(model, i18n, options.demo(), open)
                : AccessView.firstAccount(model, i18n, AccessViewModel.holdsPlainData(directory), open);
        if (!options.demo()) {
            // A backup comes back here, before the data open: after it, one signs in with an account of its time.
            view.offerRestore(new RestoreViewModel(directory, tasks, i18n, clock), i18n,
                    FilePicker.system(),
                    done -> showAccess(stage, AccessViewModel.Mode.SIGN_IN, directory, i18n, preferences, splash, clock, done));
        }
        if (notice != null) {
            view.showNotice(notice);
        }
        stage.getScene().setRoot(view.node());
        view.focusFirstField();
        LOG.info("Access screen ready ({})", mode);
        firstScreenReached = true;
        if (options.checkStart()) {
            // After this pulse, so that the screen is laid out and drawn as in a real start.
            Platform.runLater(Platform::exit);
        }
    }

    private void openData(Stage stage, Path directory, DatabaseKey key, I18n i18n, UserPreferences preferences,
                          StartupView splash, Clock clock) {
        tasks.run(() -> Startup.run(directory, key, signedIn, options.demo(), clock,
                        step -> Platform.runLater(() -> splash.show(step))),
                result -> {
                    SyncService sync = new SyncService(result.db(), tasks, tasks.sibling("cercle-sync"),
                            SyncService.FIRST_DELAY);
                    context = new AppContext(result.db(), tasks, i18n, preferences, options.demo(),
                            result.author().orElse(null), result.viewer(), sync)
                            .withSession(new Session(signedIn, key, directory));
                    if (result.installation().isPresent()) {
                        showMain(stage, context);
                    } else {
                        showWelcome(stage, context);
                    }
                },
                error -> fail(stage, i18n, directory, error));
    }

    private static void fail(Stage stage, I18n i18n, Path directory, Throwable error) {
        StartupErrors.Message message = StartupErrors.of(error, i18n, directory);
        if (options.checkStart()) {
            LOG.error("Start check failed: {} {}", message.header(), message.content(), error);
            Platform.exit();
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message.content());
        alert.setTitle(i18n.get("app.name"));
        alert.setHeaderText(message.header());
        alert.initOwner(stage);
        alert.showAndWait();
        Platform.exit();
    }

    private void showWelcome(Stage stage, AppContext ctx) {
        WelcomeView welcome = new WelcomeView(new WelcomeViewModel(ctx), ctx, member -> showMain(stage, ctx));
        stage.getScene().setRoot(welcome.node());
        welcome.focusFirstField();
    }

    private void showMain(Stage stage, AppContext ctx) {
        context = ctx;
        MainWindow window = new MainWindow(ctx, other -> showMain(stage, other));
        if (screenLock != null) {
            screenLock.stop();
        }
        window.installShortcuts();
        setRoot(stage, window.node());
        arrivals.mainWindowShown(window, ctx.i18n());
        screenLock = new ScreenLock(stage.getScene(), access, ctx.i18n(), signedIn, ctx.preferences());
        ctx.sync().startAutomatic();
        if (backups == null && ctx.session().isPresent()) {
            backups = new AutomaticBackupService(ctx.database(), ctx.session().get().key());
        }
        stage.setTitle(ctx.i18n().get("app.name") + (ctx.demo() ? " — " + ctx.i18n().get("nav.demo") : ""));
        LOG.info("Main window ready");
    }

    private static void setRoot(Stage stage, Parent root) {
        stage.getScene().getAccelerators().clear();
        stage.getScene().setRoot(root);
    }

    @Override
    public void stop() {
        if (instance != null) {
            // A launch from now on waits for these data to be closed, then opens them itself.
            instance.stopListening();
        }
        if (screenLock != null) {
            screenLock.stop();
        }
        if (backups != null) {
            backups.close();
        }
        if (context != null) {
            context.sync().close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (context != null) {
            context.database().close();
        }
        if (instance != null) {
            instance.close();
        }
        LOG.info("Cercle closed");
    }
}
