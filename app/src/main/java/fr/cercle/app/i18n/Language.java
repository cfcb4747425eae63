package fr.cercle.app.i18n;

import java.util.Locale;

/** The languages of the interface. French first. */
public enum Language {
    FRENCH(Locale.FRANCE),
    ENGLISH(Locale.UK);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** English when the system speaks English, French otherwise. */
    public static Language fromLocale(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return null;
    }
}
