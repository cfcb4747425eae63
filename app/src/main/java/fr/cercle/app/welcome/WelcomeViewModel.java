package fr.cercle.app.welcome;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.local.LocalSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The first start: the structure this copy of Cercle serves, and its first staff member, recorded
 * together in one transaction. Then the main window opens.
 */
public final class WelcomeViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final StringProperty structureName = new SimpleStringProperty(this, "structureName");
    private final ObjectProperty<StructureKind> structureKind = new SimpleObjectProperty<>(this, "structureKind");
    private final ObjectProperty<Commune> commune = new SimpleObjectProperty<>(this, "commune");
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName");
    private final Map<Domain, BooleanProperty> domains = new EnumMap<>(Domain.class);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty failure = new SimpleStringProperty(this, "failure");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public WelcomeViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (Domain d : Domain.values()) {
            domains.put(d, new SimpleBooleanProperty(this, "domain" + d));
        }
    }

    public StringProperty structureNameProperty() {
        return structureName;
    }

    public ObjectProperty<StructureKind> structureKindProperty() {
        return structureKind;
    }

    public ObjectProperty<Commune> communeProperty() {
        return commune;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public BooleanProperty domainProperty(Domain domain) {
        return domains.get(domain);
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Records the structure and the first staff member, who becomes the author of changes. */
    public boolean start(Consumer<StaffMember> done) {
        Structure structure = new Structure(structureName.get(), structureKind.get(),
                commune.get() == null ? null : commune.get().code());
        Set<Domain> chosen = EnumSet.noneOf(Domain.class);
        domains.forEach((d, p) -> {
            if (p.get()) {
                chosen.add(d);
            }
        });
        StaffMember member = new StaffMember(StaffId.newId(), firstName.get(), lastName.get(), structure.name(), chosen, true);
        List<Problem> problems = new ArrayList<>(structure.validate());
        member.validate().stream().filter(p -> !p.field().equals(StaffMember.STRUCTURE)).forEach(problems::add);
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!problems.isEmpty()) {
            return false;
        }
        busy.set(true);
        AtomicReference<Viewer> signedIn = new AtomicReference<>();
        context.tasks().run(() -> {
            context.database().writer().run(member.id(), tx -> {
                context.staff().save(tx, member);
                context.installation().save(tx, structure);
            });
            context.localSettings().put(LocalSettings.CURRENT_STAFF, member.id().toString());
            // The person who created this installation's first account follows files as this staff member.
            String login = context.viewer().login();
            Set<Role> roles = EnumSet.of(Role.ADMINISTRATOR, Role.COORDINATOR);
            context.accounts().find(login).ifPresent(account -> roles.addAll(account.roles()));
            context.accounts().save(new Account(login, Optional.of(member.id()), roles), login);
            signedIn.set(context.accounts().viewer(login));
            return member;
        }, saved -> {
            busy.set(false);
            context.viewerProperty().set(signedIn.get());
            context.currentStaffProperty().set(saved);
            done.accept(saved);
        }, e -> {
            busy.set(false);
            failure.set(ProblemMessages.saveFailure(i18n, e));
        });
        return true;
    }
}
