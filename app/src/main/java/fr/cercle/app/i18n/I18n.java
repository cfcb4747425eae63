package fr.cercle.app.i18n;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one entry point to the interface's words. Keys live in {@code messages_fr.properties} and
 * {@code messages_en.properties}; a test fails when a key is missing in either. Enum values are
 * looked up as {@code enum.<Type>.<VALUE>}.
 */
public final class I18n {

    private static final Logger LOG = LoggerFactory.getLogger(I18n.class);
    public static final String BUNDLE = "fr.cercle.app.i18n.messages";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language language;
    private final ResourceBundle bundle;

    public I18n(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.error("Missing text for key {} in {}", key, language);
            return key;
        }
    }

    /** A text with values, such as {@code "{0} personnes"}. Apostrophes in such texts are typographic (’). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    public String label(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A duration in words: "45 min", "1 h", "1 h 30"; "aucune" for none. */
    public String duration(int minutes) {
        if (minutes == 0) {
            return get("duration.none");
        }
        int hours = minutes / 60;
        int rest = minutes % 60;
        return hours == 0 ? format("duration.minutes", rest)
                : rest == 0 ? format("duration.hours", hours)
                : format("duration.hoursMinutes", hours, String.format("%02d", rest));
    }

    public DateTimeFormatter dateFormat() {
        return DATE;
    }
}
