package fr.cercle.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the command line asks for: {@code --demo} (the app on its own demo data),
 * {@code --data-dir <folder>} (or {@code --data-dir=<folder>}) to keep the data elsewhere, and an
 * exchange file to import ({@code cercle pour-la-mairie.cercle}): what the system passes when a
 * bundle file is double-clicked (the installers' file association). Only the first file counts.
 * {@code --check-start} starts Cercle up to its first screen and quits, with status 0 if that screen
 * was reached: the packaging records which classes a start loads with it (class-data sharing, see
 * docs/installers.md), and support can check that Cercle starts on a computer.
 */
public record LaunchOptions(boolean demo, String dataDir, Path bundle, boolean checkStart) {

    public LaunchOptions(boolean demo, String dataDir) {
        this(demo, dataDir, null, false);
    }

    public static LaunchOptions parse(List<String> args) {
        boolean demo = false;
        String dataDir = null;
        Path bundle = null;
        boolean checkStart = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = Objects.requireNonNullElse(args.get(i), "");
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--check-start")) {
                checkStart = true;
            } else if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--data-dir needs a folder");
                }
                dataDir = args.get(++i);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("Unknown option: " + arg);
            } else if (!arg.isBlank() && bundle == null) {
                bundle = Path.of(arg).toAbsolutePath();
            }
        }
        return new LaunchOptions(demo, dataDir, bundle, checkStart);
    }
}
