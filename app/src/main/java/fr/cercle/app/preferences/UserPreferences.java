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
