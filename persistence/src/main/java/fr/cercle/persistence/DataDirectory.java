package fr.cercle.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where an installation keeps its database, backups and logs: the user's data folder of the OS,
 * unless {@code --data-dir} or the {@code CERCLE_DATA_DIR} variable says otherwise (in that order).
 * <ul>
 *     <li>Linux and other Unix: {@code $XDG_DATA_HOME/cercle}, else {@code ~/.local/share/cercle}</li>
 *     <li>Windows: {@code %APPDATA%\Cercle}</li>
 *     <li>macOS: {@code ~/Library/Application Support/Cercle}</li>
 * </ul>
 */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "CERCLE_DATA_DIR";
    /** The demo runs in its own folder beside the real data, so it never touches them. */
    public static final String DEMO_FOLDER = "demo";

    private DataDirectory() {
    }

    /**
     * @param commandLine the value of {@code --data-dir}, or {@code null}
     * @param environment the process environment
     * @param osName      the {@code os.name} system property
     * @param userHome    the {@code user.home} system property
     */
    public static Path resolve(String commandLine, Map<String, String> environment, String osName, String userHome) {
        if (commandLine != null && !commandLine.isBlank()) {
            return Path.of(commandLine).toAbsolutePath();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? Path.of(userHome, "AppData", "Roaming") : Path.of(appData);
            return base.resolve("Cercle");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Cercle");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(userHome, ".local", "share") : Path.of(xdg);
        return base.resolve("cercle");
    }

    /** The folder of this process, from its real environment. */
    public static Path resolve(String commandLine) {
        return resolve(commandLine, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
