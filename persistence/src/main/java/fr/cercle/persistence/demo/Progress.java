package fr.cercle.persistence.demo;

/**
 * How a long generation reports its advance and learns that the user gave up. The generator calls
 * {@link #update} after every committed transaction and asks {@link #cancelled} before starting the
 * next one, so a progress bar and a "Cancel" button (or a JavaFX {@code Task}) can drive it without
 * the generator knowing about threads or screens.
 */
@FunctionalInterface
public interface Progress {

    /** Reports nothing and never cancels: for tests, benchmarks and command-line use. */
    Progress NONE = (done, total) -> {
    };

    /**
     * @param done  records written and committed so far
     * @param total records the generation will write in all
     */
    void update(long done, long total);

    /** True to stop before the next transaction; the generator then throws a {@code CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
