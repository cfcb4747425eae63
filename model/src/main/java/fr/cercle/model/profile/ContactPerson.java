package fr.cercle.model.profile;

import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problems;

/**
 * Someone to call about the person: an emergency contact, a GP, a person of trust, a nurse
 * coordinator. Every part is optional; blank values are stored as {@code null}.
 *
 * @param relation how they are tied to the person (daughter, neighbour…), for an emergency contact
 */
public record ContactPerson(String name, String phone, String relation) {

    public static final ContactPerson NONE = new ContactPerson(null, null, null);
    public static final int NAME_MAX = 200;
    public static final int RELATION_MAX = 100;

    public ContactPerson {
        name = Text.blankToNull(name);
        phone = Text.blankToNull(phone);
        relation = Text.blankToNull(relation);
    }

    public ContactPerson(String name, String phone) {
        this(name, phone, null);
    }

    public boolean isEmpty() {
        return name == null && phone == null && relation == null;
    }

    /** A contact is named when anything of it is given; the phone must be one that can be dialled. */
    void check(Problems problems, String nameField, String phoneField, String relationField) {
        problems.maxLength(nameField, name, NAME_MAX).phone(phoneField, phone);
        if (relationField != null) {
            problems.maxLength(relationField, relation, RELATION_MAX);
        }
        if (!isEmpty() && name == null) {
            problems.required(nameField, null);
        }
    }
}
