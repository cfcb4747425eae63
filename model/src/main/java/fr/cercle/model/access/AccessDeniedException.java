package fr.cercle.model.access;

import java.util.Objects;

/**
 * A read or write the need-to-know rules refuse: thrown by the repositories before anything is
 * written. Names the account and what it asked for, never the content of the record.
 */
public final class AccessDeniedException extends RuntimeException {

    private final String login;
    private final Subject subject;

    public AccessDeniedException(Viewer viewer, Subject subject, String what) {
        super(viewer.login() + " may not " + Objects.requireNonNull(what, "what"));
        this.login = viewer.login();
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    public String login() {
        return login;
    }

    public Subject subject() {
        return subject;
    }
}
