package fr.cercle.sync.server;

import java.util.UUID;

/**
 * What the server did with a pushed bundle: changes appended, already held, waiting for an earlier
 * one; the last sequence number it now holds, with no gap, from the bundle's origin device; its epoch.
 */
public record PushResult(long appended, long duplicates, long held, long acknowledged, UUID epoch) {
}
