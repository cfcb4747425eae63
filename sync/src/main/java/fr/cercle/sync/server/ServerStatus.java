package fr.cercle.sync.server;

import java.util.UUID;

/**
 * The server's state as a device sees it: its epoch, its latest cursor, and the last sequence number
 * it holds from that device (0 if none).
 */
public record ServerStatus(UUID epoch, long cursor, long acknowledged, long devices) {
}
