package fr.cercle.sync.format;

/** Which way a bundle goes: a device's own changes to the server, or the server's changes to a device. */
public enum BundleKind {
    /** A device's own changes; its range is the device's sequence numbers. */
    PUSH,
    /** Changes the server holds, from every device; its range is server cursors. */
    PULL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
