package fr.cercle.app.preferences;

import fr.cercle.app.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * The user's choices that must be known before the database opens (the language of the error
 * dialogs, for one): a small properties file in the data folder.
 */
public final class UserPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UserPreferences.class);
    static final String FILE = "preferences.properties";
    static final String LANGUAGE = "language";
    static final String LOCK_AFTER = "lock.afterMinutes";
    /** The delays of inactivity after which Cercle may lock itself; there is no "never" (shared PCs). */
    public static final java.util.List<java.time.Duration> LOCK_DELAYS = java.util.List.of(
            java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(15),
            java.time.Duration.ofMinutes(30));
    public static final java.time.Duration DEFAULT_LOCK_AFTER = java.time.Duration.ofMinutes(10);

    private final Path file;
    private final Properties values = new Properties();

    private UserPreferences(Path file) {
        this.file = file;
    }

    public static UserPreferences load(Path dataDir) {
        UserPreferences preferences = new UserPreferences(dataDir.resolve(FILE));
        if (Files.isRegularFile(preferences.file)) {
            try (Reader in = Files.newBufferedReader(preferences.file, StandardCharsets.UTF_8)) {
                preferences.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Preferences file unreadable, defaults used", e);
            }
        }
        return preferences;
    }

    /** The language chosen in the settings, else the system's. */
    public Language language() {
        Language chosen = Language.fromCode(values.getProperty(LANGUAGE));
        return chosen != null ? chosen : Language.fromLocale(Locale.getDefault());
    }

    /** After how long without a key pressed or the mouse moved Cercle locks itself. */
    public java.time.Duration lockAfter() {
        try {
            java.time.Duration chosen = java.time.Duration.ofMinutes(
                    Long.parseLong(values.getProperty(LOCK_AFTER, String.valueOf(DEFAULT_LOCK_AFTER.toMinutes()))));
            return LOCK_DELAYS.contains(chosen) ? chosen : DEFAULT_LOCK_AFTER;
        } catch (NumberFormatException e) {
            return DEFAULT_LOCK_AFTER;
        }
    }

    public void setLockAfter(java.time.Duration after) {
        if (!LOCK_DELAYS.contains(after)) {
            throw new IllegalArgumentException("Not one of the lock delays: " + after);
        }
        values.setProperty(LOCK_AFTER, String.valueOf(after.toMinutes()));
        save();
    }

    public void setLanguage(Language language) {
        values.setProperty(LANGUAGE, language.code());
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Cercle user preferences");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Preferences could not be saved", e);
        }
    }
}
