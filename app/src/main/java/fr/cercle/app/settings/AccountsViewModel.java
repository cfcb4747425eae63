package fr.cercle.app.settings;

import fr.cercle.app.AppContext;
import fr.cercle.app.access.Session;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.security.PasswordRule;
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
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The accounts of this installation, for its administrators: who signs in, as which staff member,
 * with which roles; a new account (or a new password for a forgotten one) gets a keyring slot of its
 * own. Nobody else sees this part of the settings.
 */
public final class AccountsViewModel {

    public static final String PASSWORD = "password";
    private static final Logger LOG = LoggerFactory.getLogger(AccountsViewModel.class);

    /** One line of the list. */
    public record Row(String login, String roles, String staff, boolean self) {
    }

    private final AppContext context;
    private final I18n i18n;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectProperty<StaffMember> member = new SimpleObjectProperty<>(this, "member");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper administrator = new ReadOnlyBooleanWrapper(this, "administrator");
    private final StringProperty failure = new SimpleStringProperty(this, "failure", "");

    public AccountsViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (Role role : Role.values()) {
            roles.put(role, new SimpleBooleanProperty(this, "role" + role));
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<StaffMember> staff() {
        return staff;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<StaffMember> memberProperty() {
        return member;
    }

    public BooleanProperty roleProperty(Role role) {
        return roles.get(role);
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public StringProperty failureProperty() {
        return failure;
    }

    /** Whether the signed-in account administers this installation (else the section stays hidden). */
    public ReadOnlyBooleanProperty administratorProperty() {
        return administrator.getReadOnlyProperty();
    }

    private record Loaded(boolean administrator, List<Row> rows, List<StaffMember> staff) {
    }

    /** Reads the accounts, in the background. */
    public void load() {
        Optional<Session> session = context.session();
        if (session.isEmpty()) {
            return;
        }
        String me = session.get().login();
        context.tasks().run(() -> {
            List<StaffMember> members = context.staff().all();
            Map<fr.cercle.model.staff.StaffId, String> names = members.stream()
                    .collect(Collectors.toMap(StaffMember::id, StaffMember::fullName, (a, b) -> a));
            List<Account> all = context.accounts().all();
            boolean admin = all.stream().anyMatch(a -> a.login().equals(me) && a.roles().contains(Role.ADMINISTRATOR));
            List<Row> lines = new ArrayList<>();
            for (Account account : all) {
                String roleNames = account.roles().stream().sorted().map(i18n::label).collect(Collectors.joining(", "));
                lines.add(new Row(account.login(), roleNames, account.staff().map(names::get).orElse(""),
                        account.login().equals(me)));
            }
            return new Loaded(admin, lines, members);
        }, loaded -> {
            administrator.set(loaded.administrator());
            rows.setAll(loaded.rows());
            staff.setAll(loaded.staff());
        }, e -> LOG.error("Accounts could not be read", e));
    }

    /**
     * Records the account and gives it this password: a new account, or a new password and roles for
     * an existing one (a forgotten password). The password works at once.
     */
    public boolean save(Consumer<String> done) {
        Session session = context.session().orElseThrow();
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roles.forEach((role, p) -> {
            if (p.get()) {
                chosen.add(role);
            }
        });
        Account account = new Account(login.get(), Optional.ofNullable(member.get()).map(StaffMember::id), chosen);
        List<Problem> problems = new ArrayList<>(account.validate());
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!PasswordRule.accepts(password.get().toCharArray())) {
            errors.put(PASSWORD, i18n.format("access.password.rule", PasswordRule.MIN_LENGTH));
        }
        if (!errors.isEmpty()) {
            return false;
        }
        char[] typed = password.get().toCharArray();
        failure.set("");
        context.tasks().run(() -> {
            Keyring keyring = Keyring.load(session.dataDir());
            boolean existed = keyring.logins().contains(account.login());
            keyring.enrol(session.key(), account.login(), typed);
            try {
                context.accounts().save(account, session.login());
            } catch (RuntimeException e) {
                if (!existed) {
                    keyring.remove(account.login()); // no slot without its account
                }
                throw e;
            }
            return account;
        }, saved -> {
            login.set("");
            password.set("");
            member.set(null);
            roles.values().forEach(p -> p.set(false));
            done.accept(saved.login());
            load();
        }, e -> {
            LOG.error("The account could not be recorded", e);
            failure.set(i18n.get("settings.accounts.failed"));
        });
        return true;
    }

    /** Removes an account: its password no longer opens anything. Not one's own. */
    public void remove(String removed, Consumer<String> done) {
        Session session = context.session().orElseThrow();
        if (removed.equals(session.login())) {
            throw new IllegalArgumentException("One does not remove one's own account");
        }
        context.tasks().run(() -> {
            Keyring keyring = Keyring.load(session.dataDir());
            if (keyring.logins().contains(removed)) {
                keyring.remove(removed);
            }
            context.accounts().remove(removed);
            return removed;
        }, gone -> {
            done.accept(gone);
            load();
        }, e -> {
            LOG.error("The account could not be removed", e);
            failure.set(i18n.get("settings.accounts.failed"));
        });
    }
}
