package fr.cercle.app;

import fr.cercle.persistence.DataDirectory;
import javafx.application.Application;

import java.nio.file.Path;
import java.util.List;

/**
 * Starts Cercle. Not a JavaFX {@code Application} itself, so that the app runs from a plain class
 * path. Decides the data folder first, so that the log file goes there from the very first line.
 */
public final class Main {

    /** Read by logback.xml: where the rolling log files go. */
    public static final String LOG_DIR_PROPERTY = "cercle.log.dir";

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
        CercleApp.prepare(options, dataDir);
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
}
