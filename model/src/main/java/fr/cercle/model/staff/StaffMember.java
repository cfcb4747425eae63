package fr.cercle.model.staff;

import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Sets;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A caseworker (social worker, nurse coordinator, school counselor): referent of files and author
 * of changes. Sign-in and roles come later; an inactive member stays as the author of past changes.
 */
public record StaffMember(StaffId id, String firstName, String lastName, String structure, Set<Domain> domains,
                          boolean active) {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String STRUCTURE = "structure";
    public static final String DOMAINS = "domains";

    public static final int NAME_MAX = 100;

    public StaffMember {
        Objects.requireNonNull(id, "id");
        firstName = Text.blankToNull(firstName);
        lastName = Text.blankToNull(lastName);
        structure = Text.blankToNull(structure);
        domains = Sets.enums(Domain.class, domains);
    }

    public String fullName() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }

    public List<Problem> validate() {
        return new Problems()
                .requiredText(FIRST_NAME, firstName, NAME_MAX)
                .requiredText(LAST_NAME, lastName, NAME_MAX)
                .requiredText(STRUCTURE, structure, NAME_MAX)
                .notEmpty(DOMAINS, domains)
                .list();
    }
}
