package fr.cercle.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the numbers were measured on, read from the machine itself. */
final class Machine {

    private Machine() {
    }

    static List<List<String>> describe() {
        return List.of(
                List.of("CPU", cpuModel()),
                List.of("Cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors())),
                List.of("RAM", memTotal()),
                List.of("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")),
                List.of("OS", os() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + ", " + System.getProperty("os.arch") + ")"),
                List.of("Load average at start (1, 5, 15 min)", loadAverage()));
    }

    static String loadAverage() {
        return read("/proc/loadavg").map(s -> String.join(", ", List.of(s.trim().split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }).orElse("unknown");
    }

    private static String os() {
        return read("/etc/os-release").flatMap(s -> s.lines().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst())
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse(System.getProperty("os.name"));
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
