package fr.cercle.app.startup;

import fr.cercle.app.i18n.I18n;
import fr.cercle.persistence.DatabaseLockedException;
import fr.cercle.persistence.DatabaseUnreadableException;
import fr.cercle.persistence.NewerDatabaseException;

import java.nio.file.Path;

/** What to tell the user when Cercle cannot open its data: what happened, and what to do. */
public final class StartupErrors {

    private StartupErrors() {
    }

    /** A header and a content in plain words; nothing technical (details go to the log). */
    public record Message(String header, String content) {
    }

    public static Message of(Throwable error, I18n i18n, Path dataDir) {
        if (error instanceof DatabaseLockedException) {
            return new Message(i18n.get("startup.locked.header"), i18n.get("startup.locked.content"));
        }
        if (error instanceof NewerDatabaseException) {
            return new Message(i18n.get("startup.newer.header"), i18n.get("startup.newer.content"));
        }
        if (error instanceof DatabaseUnreadableException) {
            return new Message(i18n.get("startup.unreadable.header"),
                    i18n.format("startup.unreadable.content", dataDir.toString()));
        }
        return new Message(i18n.get("startup.failed.header"), i18n.format("startup.failed.content", dataDir.toString()));
    }
}
