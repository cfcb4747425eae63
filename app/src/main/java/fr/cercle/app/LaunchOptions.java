package fr.cercle.app;

import java.util.List;
import java.util.Objects;

/**
 * What the command line asks for: {@code --demo} (the app on its own demo data) and
 * {@code --data-dir <folder>} (or {@code --data-dir=<folder>}) to keep the data elsewhere.
 */
public record LaunchOptions(boolean demo, String dataDir) {

    public static LaunchOptions parse(List<String> args) {
        boolean demo = false;
        String dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = Objects.requireNonNullElse(args.get(i), "");
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--data-dir needs a folder");
                }
                dataDir = args.get(++i);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return new LaunchOptions(demo, dataDir);
    }
}
