package fr.cercle.app.settings;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.Role;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.common.Domain;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.alert.AlertRepository;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The thresholds of the alerts, as an administrator changes them: days without contact per domain,
 * days a need may wait for a helper, days without activity for a helper, how long a consent and a
 * background check last, and how early their end is announced. Each value is typed as text, checked
 * by the model, and saved on this installation only when all are right.
 */
public final class AlertSettingsViewModel {

    private final AppContext context;
    private final I18n i18n;
    /** The typed values, by the model's field names ({@code noContactDays.ELDERLY}, {@code needUnmetDays}...). */
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty failure = new SimpleStringProperty(this, "failure");

    public AlertSettingsViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (String field : fields()) {
            values.put(field, new SimpleStringProperty(this, field, ""));
        }
        show(AlertSettings.defaults());
    }

    /** Every field, in the order of the form. */
    public static List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            fields.add(AlertSettings.noContactField(domain));
        }
        fields.addAll(List.of(AlertSettings.NEED_UNMET_DAYS, AlertSettings.HELPER_INACTIVE_DAYS, AlertSettings.CONSENT_YEARS,
                AlertSettings.BACKGROUND_CHECK_YEARS, AlertSettings.EXPIRY_NOTICE_DAYS));
        return fields;
    }

    /** Whether this account may change the thresholds (the screen shows them to administrators). */
    public boolean administrator() {
        return context.viewer().has(Role.ADMINISTRATOR);
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public StringProperty failureProperty() {
        return failure;
    }

    /** Reads the thresholds in force. */
    public void load() {
        context.tasks().run(() -> AlertRepository.settings(context.localSettings()), this::show,
                e -> failure.set(i18n.get("error.load")));
    }

    /** Checks the values and, when all are right, saves them; returns false, with a message per wrong field, otherwise. */
    public boolean save(Runnable saved) {
        errors.clear();
        failure.set(null);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String field : fields()) {
            String typed = values.get(field).get() == null ? "" : values.get(field).get().strip();
            if (typed.matches("[0-9]{1,4}")) {
                numbers.put(field, Integer.parseInt(typed));
            } else {
                numbers.put(field, -1); // out of every range: the model names the range
            }
        }
        Map<Domain, Integer> noContact = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            noContact.put(domain, numbers.get(AlertSettings.noContactField(domain)));
        }
        AlertSettings chosen = new AlertSettings(noContact, numbers.get(AlertSettings.NEED_UNMET_DAYS),
                numbers.get(AlertSettings.HELPER_INACTIVE_DAYS), numbers.get(AlertSettings.CONSENT_YEARS),
                numbers.get(AlertSettings.BACKGROUND_CHECK_YEARS), numbers.get(AlertSettings.EXPIRY_NOTICE_DAYS));
        problems.addAll(chosen.validate());
        if (!problems.isEmpty()) {
            errors.putAll(ProblemMessages.byField(i18n, problems));
            return false;
        }
        AlertRepository repository = new AlertRepository(context.database().dsl(), context.clock(), context.viewer());
        context.tasks().run(() -> {
            repository.saveSettings(context.localSettings(), chosen);
            return chosen;
        }, done -> saved.run(), e -> failure.set(ProblemMessages.saveFailure(i18n, e)));
        return true;
    }

    private void show(AlertSettings settings) {
        for (Domain domain : Domain.values()) {
            values.get(AlertSettings.noContactField(domain)).set(Integer.toString(settings.noContactDays(domain)));
        }
        values.get(AlertSettings.NEED_UNMET_DAYS).set(Integer.toString(settings.needUnmetDays()));
        values.get(AlertSettings.HELPER_INACTIVE_DAYS).set(Integer.toString(settings.helperInactiveDays()));
        values.get(AlertSettings.CONSENT_YEARS).set(Integer.toString(settings.consentYears()));
        values.get(AlertSettings.BACKGROUND_CHECK_YEARS).set(Integer.toString(settings.backgroundCheckYears()));
        values.get(AlertSettings.EXPIRY_NOTICE_DAYS).set(Integer.toString(settings.expiryNoticeDays()));
    }
}
