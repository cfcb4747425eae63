package fr.cercle.model.validation;

import fr.cercle.model.common.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of a record, field by field, so that a form can show all of them at
 * once next to their fields. The checks are the shared vocabulary of the validators.
 */
public final class Problems {

    /** Digits with optional spaces, dots or hyphens: 0X XX XX XX XX, or +CC followed by 6 to 14 digits. */
    private static final Pattern FRENCH_PHONE = Pattern.compile("0[1-9](\\d{8})");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    private final List<Problem> found = new ArrayList<>();

    public Problems required(String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            add(field, Rule.REQUIRED);
        }
        return this;
    }

    public Problems maxLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            add(field, Rule.TOO_LONG, max);
        }
        return this;
    }

    public Problems requiredText(String field, String value, int max) {
        return required(field, value).maxLength(field, value, max);
    }

    public Problems notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            add(field, Rule.IN_FUTURE);
        }
        return this;
    }

    public Problems notBefore(String field, LocalDate date, LocalDate earliest) {
        if (date != null && date.isBefore(earliest)) {
            add(field, Rule.TOO_OLD, earliest);
        }
        return this;
    }

    public Problems phone(String field, String phone) {
        if (phone != null && !isPhone(phone)) {
            add(field, Rule.INVALID_PHONE);
        }
        return this;
    }

    public Problems email(String field, String email) {
        if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            add(field, Rule.INVALID_EMAIL);
        }
        return this;
    }

    public Problems notEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            add(field, Rule.AT_LEAST_ONE);
        }
        return this;
    }

    public Problems between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, Rule.OUT_OF_RANGE, min, max);
        }
        return this;
    }

    public Problems add(String field, Rule rule, Object... args) {
        found.add(Problem.of(field, rule, args));
        return this;
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** True when the text, once spaces, dots and hyphens are removed, is a dialable number. */
    public static boolean isPhone(String phone) {
        if (Text.isBlank(phone)) {
            return false;
        }
        String compact = PHONE_SEPARATORS.matcher(phone).replaceAll("");
        return FRENCH_PHONE.matcher(compact).matches() || INTERNATIONAL_PHONE.matcher(compact).matches();
    }
}
