package fr.cercle.app.access;

import fr.cercle.persistence.security.DatabaseKey;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who signed in on this window, and what they opened: the key stays in memory while the window is
 * open, since H2 holds it anyway, so that an administrator can give a colleague an account (a
 * keyring slot is the key wrapped by the new password).
 */
public record Session(String login, DatabaseKey key, Path dataDir) {

    public Session {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public String toString() {
        return "Session[" + login + "]";
    }
}
