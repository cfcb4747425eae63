package fr.cercle.app.settings;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.app.sync.SyncProblem;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Problem;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.seal.EnrolmentCode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The settings: the interface's language (remembered), the team (a new member can be added), and the
 * sync of this installation (its enrolment with the server, the server's address and how often to
 * sync). Changes are recorded in the name of the staff member the signed-in account acts as (the
 * accounts, {@link AccountsViewModel}).
 */
public final class SettingsViewModel {

    /** Keys of the sync fields' messages. */
    public static final String SYNC_SERVER = "syncServer";
    public static final String SYNC_INTERVAL = "syncInterval";
    public static final String ENROLMENT_CODE = "enrolmentCode";

    /** How the enrolment stands, for the way its words are shown. */
    public enum EnrolmentState {
        /** Not enrolled (or not read yet). */
        NONE,
        /** Enrolled, over HTTPS with the server's certificate pinned. */
        SECURE,
        /** Enrolled over plain HTTP: worth a warning. */
        NOT_SECURE
    }

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
    private final StringProperty enrolmentCode = new SimpleStringProperty(this, "enrolmentCode", "");
    private final ReadOnlyStringWrapper enrolmentStatus = new ReadOnlyStringWrapper(this, "enrolmentStatus", "");
    private final ReadOnlyObjectWrapper<EnrolmentState> enrolmentState =
            new ReadOnlyObjectWrapper<>(this, "enrolmentState", EnrolmentState.NONE);
    private final ReadOnlyStringWrapper enrolmentMessage = new ReadOnlyStringWrapper(this, "enrolmentMessage");
    private final ReadOnlyBooleanWrapper enrolling = new ReadOnlyBooleanWrapper(this, "enrolling");

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

    /** The one-time enrolment code, as typed. */
    public StringProperty enrolmentCodeProperty() {
        return enrolmentCode;
    }

    /** Whether and with which server this installation is enrolled, in words. */
    public ReadOnlyStringProperty enrolmentStatusProperty() {
        return enrolmentStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EnrolmentState> enrolmentStateProperty() {
        return enrolmentState.getReadOnlyProperty();
    }

    /** Why the last enrolment did not succeed, in words; empty otherwise. */
    public ReadOnlyStringProperty enrolmentMessageProperty() {
        return enrolmentMessage.getReadOnlyProperty();
    }

    /** An enrolment asked here is under way. */
    public ReadOnlyBooleanProperty enrollingProperty() {
        return enrolling.getReadOnlyProperty();
    }

    /** An exchange with the server is under way (a sync, a file, an enrolment): an enrolment waits. */
    public ReadOnlyBooleanProperty exchangeBusyProperty() {
        return context.sync().busyProperty();
    }

    public String dataFolder() {
        return context.database().directory().toString();
    }

    private record Loaded(List<StaffMember> staff, Optional<fr.cercle.model.installation.Installation> installation,
                          SyncSettings sync, Optional<Enrolment> enrolment) {
    }

    /** Loads the team, the sync settings and the enrolment in the background. */
    public void load() {
        context.tasks().run(() -> new Loaded(context.staff().all(), context.installation().find(),
                SyncSettings.read(context.localSettings()), Enrolment.read(context.localSettings())), loaded -> {
            staff.setAll(loaded.staff());
            loaded.installation().ifPresent(i -> newStructure.set(i.structure().name()));
            serverAddress.set(loaded.sync().hasServer() ? loaded.sync().server().toString() : "");
            interval.set(Integer.toString(loaded.sync().intervalMinutes()));
            showEnrolment(loaded.enrolment().orElse(null));
        }, e -> failure.set(i18n.get("error.load")));
    }

    /**
     * Enrols this installation with the server at the address typed, with the one-time code its
     * administrator issued (a new code replaces an enrolment made before), on the sync's own thread;
     * then the status says with which server, and {@code enrolled} gets a short confirmation. Returns
     * false, with messages, when the address or the code must be fixed first (or an exchange is under way).
     */
    public boolean enrol(Consumer<String> enrolled) {
        if (!NeedToKnow.canWrite(context.viewer(), Subject.ACCOUNTS)) {
            failure.set(i18n.get("error.accessDenied"));
            return false;
        }
        errors.remove(SYNC_SERVER);
        errors.remove(ENROLMENT_CODE);
        enrolmentMessage.set(null);
        String typed = serverAddress.get() == null ? "" : serverAddress.get().strip();
        Optional<URI> server = SyncSettings.serverAddress(typed);
        if (typed.isEmpty()) {
            errors.put(SYNC_SERVER, i18n.get("settings.enrolment.serverRequired"));
        } else if (server.isEmpty()) {
            errors.put(SYNC_SERVER, i18n.get("settings.sync.server.invalid"));
        }
        Optional<EnrolmentCode> code = EnrolmentCode.parse(enrolmentCode.get());
        if (code.isEmpty()) {
            errors.put(ENROLMENT_CODE, i18n.get("settings.enrolment.code.invalid"));
        }
        if (server.isEmpty() || code.isEmpty()) {
            return false;
        }
        failure.set(null);
        enrolling.set(true);
        boolean started = context.sync().enrol(server.get(), code.get(), result -> {
            if (result.succeeded()) {
                Enrolment enrolment = result.enrolment();
                showEnrolment(enrolment);
                enrolmentCode.set("");
                serverAddress.set(enrolment.server().toString());
                enrolled.accept(i18n.format("settings.enrolment.done", enrolment.serverName()));
            } else {
                enrolmentMessage.set(refusal(result.problem()));
            }
            enrolling.set(false);
        });
        if (!started) {
            enrolmentMessage.set(i18n.get("settings.enrolment.busy"));
            enrolling.set(false);
        }
        return started;
    }

    private void showEnrolment(Enrolment enrolment) {
        if (enrolment == null) {
            enrolmentState.set(EnrolmentState.NONE);
            enrolmentStatus.set(i18n.get("settings.enrolment.none"));
            return;
        }
        LocalDate day = enrolment.enrolledAt().atZone(context.clock().getZone()).toLocalDate();
        String status = i18n.format("settings.enrolment.status", enrolment.serverName(), enrolment.server().toString(),
                enrolment.organisation(), i18n.date(day), enrolment.serverKeys().fingerprint());
        enrolmentState.set(enrolment.secure() ? EnrolmentState.SECURE : EnrolmentState.NOT_SECURE);
        enrolmentStatus.set(status + " " + i18n.get(enrolment.secure() ? "settings.enrolment.secure"
                : "settings.enrolment.notSecure"));
    }

    private String refusal(SyncProblem problem) {
        return switch (problem) {
            case ENROLMENT_REFUSED -> i18n.get("settings.enrolment.refused");
            case UNREACHABLE -> i18n.get("settings.enrolment.unreachable");
            case BAD_ANSWER -> i18n.get("settings.enrolment.badAnswer");
            case REVOKED -> i18n.get("settings.enrolment.revoked");
            case CANCELLED, REFUSED, SERVER_ERROR, NOT_ENROLLED, UNEXPECTED -> i18n.get("settings.enrolment.failed");
        };
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
