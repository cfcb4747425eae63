package fr.cercle.app.instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a launch asks of the Cercle already running on the same data: come to the front, and import
 * an exchange file when one was double-clicked. The file is checked where it is received, so that
 * the running Cercle can say plainly why it cannot read it.
 *
 * @param file    the exchange file to import, absolute, or {@code null} to only come to the front
 * @param problem why the file cannot be read, or {@code null} when it can (or when there is no file)
 */
public record OpenRequest(Path file, Problem problem) {

    /** Why a file handed over cannot be imported. */
    public enum Problem {
        /** Nothing at that path (moved, deleted, or on a drive no longer there). */
        MISSING,
        /** A folder or a device, not a file. */
        NOT_A_FILE,
        /** A file this account may not read. */
        UNREADABLE
    }

    /** Only come to the front: the launch had no file. */
    public static OpenRequest front() {
        return new OpenRequest(null, null);
    }

    /** Import {@code file}, once checked: it exists, is a regular file, and can be read. */
    public static OpenRequest open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new OpenRequest(absolute, check(absolute).orElse(null));
    }

    public Optional<Path> bundle() {
        return Optional.ofNullable(file);
    }

    public Optional<Problem> trouble() {
        return Optional.ofNullable(problem);
    }

    static Optional<Problem> check(Path file) {
        if (!Files.exists(file)) {
            return Optional.of(Problem.MISSING);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(Problem.NOT_A_FILE);
        }
        if (!Files.isReadable(file)) {
            return Optional.of(Problem.UNREADABLE);
        }
        return Optional.empty();
    }
}
