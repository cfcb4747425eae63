package fr.cercle.app.settings;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Problem;
import fr.cercle.sync.client.SyncSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.EnumSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The settings: the interface's language (remembered), the team (a new member can be added), and the
 * sync of this installation (the server's address and how often to sync). Changes are recorded in
 * the name of the staff member the signed-in account acts as (the accounts, {@link AccountsViewModel}).
 */
public final class SettingsViewModel {

    /** Keys of the sync fields' messages. */
    public static final String SYNC_SERVER = "syncServer";
    public static final String SYNC_INTERVAL = "syncInterval";

    private final AppContext context;
    private final I18n i18n;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final StringProperty newFirstName = new SimpleStringProperty(this, "newFirstName");
    private final StringProperty newLastName = new SimpleStringProperty(this, "newLastName");
    private final StringProperty newStructure = new SimpleStringProperty(this, "newStructure");
    private final Map<Domain, BooleanProperty> newDomains = new EnumMap<>(Domain.class);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty failure = new SimpleStringProperty(this, "failure");
    private final StringProperty serverAddress = new SimpleStringProperty(this, "serverAddress", "");
    private final StringProperty interval = new SimpleStringProperty(this, "interval",
            Integer.toString(SyncSettings.DEFAULT_INTERVAL_MINUTES));

    public SettingsViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        language.set(i18n.language());
        for (Domain d : Domain.values()) {
            newDomains.put(d, new SimpleBooleanProperty(this, "newDomain" + d));
        }
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObservableList<StaffMember> staff() {
        return staff;
    }

    public StringProperty newFirstNameProperty() {
        return newFirstName;
    }

    public StringProperty newLastNameProperty() {
        return newLastName;
    }

    public StringProperty newStructureProperty() {
        return newStructure;
    }

    public BooleanProperty newDomainProperty(Domain domain) {
        return newDomains.get(domain);
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public StringProperty failureProperty() {
        return failure;
    }

    /** The central server's address, empty for none. */
    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    /** Minutes between two automatic syncs, as typed. */
    public StringProperty intervalProperty() {
        return interval;
    }

    public String dataFolder() {
        return context.database().directory().toString();
    }

    private record Loaded(List<StaffMember> staff, Optional<fr.cercle.model.installation.Installation> installation,
                          SyncSettings sync) {
    }

    /** Loads the team and the sync settings in the background. */
    public void load() {
        context.tasks().run(() -> new Loaded(context.staff().all(), context.installation().find(),
                SyncSettings.read(context.localSettings())), loaded -> {
            staff.setAll(loaded.staff());
            loaded.installation().ifPresent(i -> newStructure.set(i.structure().name()));
            serverAddress.set(loaded.sync().hasServer() ? loaded.sync().server().toString() : "");
            interval.set(Integer.toString(loaded.sync().intervalMinutes()));
        }, e -> failure.set(i18n.get("error.load")));
    }

    /**
     * Saves the server's address (empty: no server, files only) and the interval, and plans the
     * automatic sync with them; returns false, with messages, when one must be fixed first.
     */
    public boolean saveSync(Runnable saved) {
        if (!NeedToKnow.canWrite(context.viewer(), Subject.ACCOUNTS)) {
            failure.set(i18n.get("error.accessDenied"));
            return false;
        }
        errors.remove(SYNC_SERVER);
        errors.remove(SYNC_INTERVAL);
        String typed = serverAddress.get() == null ? "" : serverAddress.get().strip();
        Optional<URI> server = SyncSettings.serverAddress(typed);
        if (!typed.isEmpty() && server.isEmpty()) {
            errors.put(SYNC_SERVER, i18n.get("settings.sync.server.invalid"));
        }
        Integer minutes = minutes(interval.get());
        if (minutes == null || !SyncSettings.isInterval(minutes)) {
            errors.put(SYNC_INTERVAL, i18n.format("settings.sync.interval.invalid", SyncSettings.MIN_INTERVAL_MINUTES,
                    SyncSettings.MAX_INTERVAL_MINUTES));
        }
        if (errors.containsKey(SYNC_SERVER) || errors.containsKey(SYNC_INTERVAL)) {
            return false;
        }
        failure.set(null);
        context.sync().saveSettings(new SyncSettings(server.orElse(null), minutes), saved,
                e -> failure.set(ProblemMessages.saveFailure(i18n, e)));
        return true;
    }

    private static Integer minutes(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,4}")) {
            return null;
        }
        return Integer.parseInt(typed.strip());
    }

    /** Remembers the language and asks the window to speak it. */
    public void applyLanguage(Consumer<Language> relaunch) {
        Language chosen = language.get();
        if (chosen != null && chosen != i18n.language()) {
            context.preferences().setLanguage(chosen);
            relaunch.accept(chosen);
        }
    }

    /** Adds a member to the team; returns false, with messages, when the form is incomplete. */
    public boolean addStaff(Consumer<StaffMember> added) {
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        newDomains.forEach((d, p) -> {
            if (p.get()) {
                domains.add(d);
            }
        });
        StaffMember member = new StaffMember(StaffId.newId(), newFirstName.get(), newLastName.get(), newStructure.get(),
                domains, true);
        List<Problem> problems = member.validate();
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!problems.isEmpty()) {
            return false;
        }
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.staff().save(member, author);
            return member;
        }, saved -> {
            staff.add(saved);
            newFirstName.set(null);
            newLastName.set(null);
            newDomains.values().forEach(p -> p.set(false));
            added.accept(saved);
        }, e -> failure.set(ProblemMessages.saveFailure(i18n, e)));
        return true;
    }
}
