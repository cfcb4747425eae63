package fr.cercle.model.common;

/** How to reach a person. Both parts are optional; blank values are stored as {@code null}. */
public record Contact(String phone, String email) {

    public static final Contact NONE = new Contact(null, null);

    public Contact {
        phone = Text.blankToNull(phone);
        email = Text.blankToNull(email);
    }

    public boolean isEmpty() {
        return phone == null && email == null;
    }
}
