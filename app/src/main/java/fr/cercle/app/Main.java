package fr.cercle.app;

import fr.cercle.app.instance.OpenRequest;
import fr.cercle.app.instance.SingleInstance;
import fr.cercle.persistence.DataDirectory;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Starts Cercle. Not a JavaFX {@code Application} itself, so that the app runs from a plain class
 * path. Decides the data folder first, so that the log file goes there from the very first line.
 * When a Cercle already runs on that folder, hands it the exchange file to import (or only asks it to
 * come to the front) and ends: a second double-click on a bundle file opens it in the running Cercle.
 */
public final class Main {

    /** Read by logback.xml: where the rolling log files go. */
    public static final String LOG_DIR_PROPERTY = "cercle.log.dir";
    /** How long a launch waits for the Cercle that holds the data folder to take its file. */
    private static final Duration HANDOVER_PATIENCE = Duration.ofSeconds(10);

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: cercle [--demo] [--data-dir <folder>] [--check-start] [exchange file to import]");
            System.exit(2);
            return;
        }
        Path dataDir = dataDirectory(options);
        System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        SingleInstance running = null;
        OpenRequest request = options.bundle() == null ? OpenRequest.front() : OpenRequest.open(options.bundle());
        try {
            SingleInstance.Launch launch = SingleInstance.start(dataDir, request, HANDOVER_PATIENCE);
            if (launch instanceof SingleInstance.HandedOver handed) {
                if (handed.problem() != null) {
                    // The running Cercle shows the same in its window.
                    System.err.println("Cercle cannot import " + request.file() + ": " + handed.problem());
                    System.exit(1);
                }
                System.exit(0);
                return;
            }
            if (launch instanceof SingleInstance.First first) {
                running = first.instance();
            }
        } catch (UncheckedIOException e) {
            // The data folder cannot be written: the database will say so, in a dialog. This launch goes on
            // to start Cercle, so its logs start here anyway.
            LoggerFactory.getLogger(Main.class).warn("No single-instance channel in {}: {}", dataDir, e.getCause().getMessage());
        }
        if (running != null) {
            receiveMacOpenFiles(running);
        }
        CercleApp.prepare(options, dataDir, running);
        Application.launch(CercleApp.class, args);
        if (options.checkStart()) {
            System.exit(CercleApp.firstScreenReached() ? 0 : 1);
        }
    }

    /** The real data folder, or the demo folder beside it: the demo never touches real data. */
    static Path dataDirectory(LaunchOptions options) {
        Path base = DataDirectory.resolve(options.dataDir());
        return options.demo() ? base.resolve(DataDirectory.DEMO_FOLDER) : base;
    }

    /**
     * macOS does not pass a double-clicked file as an argument: it sends it as an event, to the
     * running Cercle or to the one it starts. AWT receives it; its handler must be set here, before
     * JavaFX starts (AWT then starts first, and JavaFX runs beside it), or the event of the very
     * launch is lost (JDK-8332947). Other systems pass the file as an argument and do not support
     * this action; AWT is not even started there.
     */
    private static void receiveMacOpenFiles(SingleInstance running) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
            Desktop.getDesktop().setOpenFileHandler(event -> event.getFiles().stream().findFirst()
                    .ifPresent(file -> running.deliver(OpenRequest.open(file.toPath()))));
        }
    }
}
