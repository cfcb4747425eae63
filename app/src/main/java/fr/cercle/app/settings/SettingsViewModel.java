package fr.cercle.app.settings;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.local.LocalSettings;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The settings: the interface's language (remembered), the staff member who signs the changes made
 * on this computer, and the team (a new member can be added).
 */
public final class SettingsViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final ObjectProperty<StaffMember> author = new SimpleObjectProperty<>(this, "author");
    private final StringProperty newFirstName = new SimpleStringProperty(this, "newFirstName");
    private final StringProperty newLastName = new SimpleStringProperty(this, "newLastName");
    private final StringProperty newStructure = new SimpleStringProperty(this, "newStructure");
    private final Map<Domain, BooleanProperty> newDomains = new EnumMap<>(Domain.class);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty failure = new SimpleStringProperty(this, "failure");

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

    public ObjectProperty<StaffMember> authorProperty() {
        return author;
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

    public String dataFolder() {
        return context.database().directory().toString();
    }

    /** Loads the team in the background. */
    public void load() {
        context.tasks().run(() -> Map.entry(context.staff().all(), context.installation().find()), loaded -> {
            staff.setAll(loaded.getKey());
            StaffMember current = context.currentStaffProperty().get();
            author.set(current == null ? null
                    : staff.stream().filter(s -> s.id().equals(current.id())).findFirst().orElse(null));
            loaded.getValue().ifPresent(i -> newStructure.set(i.structure().name()));
        }, e -> failure.set(i18n.get("error.load")));
    }

    /** Remembers the language and asks the window to speak it. */
    public void applyLanguage(Consumer<Language> relaunch) {
        Language chosen = language.get();
        if (chosen != null && chosen != i18n.language()) {
            context.preferences().setLanguage(chosen);
            relaunch.accept(chosen);
        }
    }

    /** Makes the chosen staff member the author of the changes made on this computer. */
    public void chooseAuthor(Runnable done) {
        StaffMember chosen = author.get();
        if (chosen == null || chosen.equals(context.currentStaffProperty().get())) {
            return;
        }
        context.tasks().run(() -> {
            context.localSettings().put(LocalSettings.CURRENT_STAFF, chosen.id().toString());
            return chosen;
        }, member -> {
            context.currentStaffProperty().set(member);
            done.run();
        }, e -> failure.set(i18n.get("error.save")));
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
        }, e -> failure.set(i18n.get("error.save")));
        return true;
    }
}
