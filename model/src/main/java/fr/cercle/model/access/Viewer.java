package fr.cercle.model.access;

import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is reading or writing: the signed-in account's roles, the staff member it acts as (if any),
 * and the domains that staff member is entitled to. Every rule of {@link NeedToKnow} takes one.
 */
public record Viewer(String login, Optional<StaffId> staff, Set<Role> roles, Set<Domain> domains) {

    public Viewer {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(staff, "staff");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        domains = domains.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(domains));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this viewer acts as that staff member. */
    public boolean is(StaffId member) {
        return staff.isPresent() && staff.get().equals(member);
    }
}
