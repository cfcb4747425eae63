package fr.cercle.model.access;

import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account that signs in on this installation: its login, the staff member it acts as, and its
 * roles. Every account that records changes acts as a staff member, in whose name the changes are
 * recorded; only an evaluator, who reads anonymised indicators, may have none.
 */
public record Account(String login, Optional<StaffId> staff, Set<Role> roles) {

    public static final String LOGIN = "login";
    public static final String ROLES = "roles";
    public static final String STAFF = "staff";

    public Account {
        Objects.requireNonNull(login, "login");
        login = login.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(staff, "staff");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Every problem, by field: a login of 2 to 40 plain characters, a role at least, a staff member to record changes. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (!login.matches("[a-z0-9][a-z0-9.-]{1,39}")) {
            problems.add(Problem.of(LOGIN, Rule.INVALID_LOGIN));
        }
        if (roles.isEmpty()) {
            problems.add(Problem.of(ROLES, Rule.AT_LEAST_ONE));
        }
        if (staff.isEmpty() && !roles.equals(Set.of(Role.EVALUATOR)) && !roles.isEmpty()) {
            // Changes are recorded in a person's name: whoever may record one acts as a staff member.
            problems.add(Problem.of(STAFF, Rule.REQUIRED));
        }
        return problems;
    }
}
