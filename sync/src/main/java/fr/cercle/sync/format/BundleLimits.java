package fr.cercle.sync.format;

/**
 * What a reader accepts at most, so that memory and disk stay bounded whatever the input: the
 * uncompressed size of a bundle (a gzip bomb stops there), the number of changes, one line.
 */
public record BundleLimits(long maxBytes, long maxChanges, int maxLineBytes) {

    /** Enough for a department's full history; far below what would hurt a PC. */
    public static final BundleLimits DEFAULT = new BundleLimits(1L << 30, 5_000_000, 4 << 20);

    public BundleLimits {
        if (maxBytes <= 0 || maxChanges <= 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }
}
