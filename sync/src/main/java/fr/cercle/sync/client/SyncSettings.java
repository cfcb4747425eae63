package fr.cercle.sync.client;

import fr.cercle.persistence.local.LocalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how often this installation syncs: the central server's address (none for an
 * installation without network, which exchanges files) and the interval of the automatic sync. Kept
 * in the installation's own settings: they belong to the computer, not to a user.
 *
 * @param server          the server's address (http or https), or {@code null} when there is none
 * @param intervalMinutes minutes between two automatic syncs
 */
public record SyncSettings(URI server, int intervalMinutes) {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSettings.class);

    public static final int DEFAULT_INTERVAL_MINUTES = 15;
    public static final int MIN_INTERVAL_MINUTES = 5;
    public static final int MAX_INTERVAL_MINUTES = 240;
    /** No server yet, the default interval: a new installation. */
    public static final SyncSettings NONE = new SyncSettings(null, DEFAULT_INTERVAL_MINUTES);

    static final String SERVER = "sync.server.url";
    static final String INTERVAL = "sync.interval.minutes";

    public SyncSettings {
        if (server != null && !isServerAddress(server.toString())) {
            throw new IllegalArgumentException("Not an http or https address: " + server);
        }
        if (!isInterval(intervalMinutes)) {
            throw new IllegalArgumentException("The interval must be between " + MIN_INTERVAL_MINUTES + " and "
                    + MAX_INTERVAL_MINUTES + " minutes, not " + intervalMinutes);
        }
    }

    public boolean hasServer() {
        return server != null;
    }

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    /** An address a person typed, as the server's address, if it is a complete http or https address. */
    public static Optional<URI> serverAddress(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(typed.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean isServerAddress(String typed) {
        return serverAddress(typed).isPresent();
    }

    public static boolean isInterval(int minutes) {
        return minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES;
    }

    /** The settings stored for this installation; a damaged stored value counts as not set. */
    public static SyncSettings read(LocalSettings settings) {
        URI server = settings.get(SERVER).filter(s -> !s.isBlank()).flatMap(stored -> {
            Optional<URI> address = serverAddress(stored);
            if (address.isEmpty()) {
                LOG.warn("The stored server address is not an http or https address; no server is used");
            }
            return address;
        }).orElse(null);
        int interval = settings.get(INTERVAL).map(stored -> {
            try {
                int minutes = Integer.parseInt(stored.strip());
                if (isInterval(minutes)) {
                    return minutes;
                }
            } catch (NumberFormatException e) {
                // falls through to the default
            }
            LOG.warn("The stored sync interval '{}' is not a number of minutes between {} and {}; {} used", stored,
                    MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, DEFAULT_INTERVAL_MINUTES);
            return DEFAULT_INTERVAL_MINUTES;
        }).orElse(DEFAULT_INTERVAL_MINUTES);
        return new SyncSettings(server, interval);
    }

    public void write(LocalSettings settings) {
        settings.put(SERVER, server == null ? "" : server.toString());
        settings.put(INTERVAL, Integer.toString(intervalMinutes));
    }
}
