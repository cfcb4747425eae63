package fr.cercle.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results as Markdown, printed as they come and rewritten to a file after each part, so that an
 * interrupted run still leaves what it measured.
 */
final class Report {

    private static final long STARTED = System.nanoTime();

    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
        this.file = file;
    }

    void heading(String title) {
        add("\n## " + title + "\n");
    }

    void line(String line) {
        add(line);
    }

    void table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("\n");
        t.append(row(header));
        t.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> t.append(row(r)));
        add(t.toString());
    }

    /** A progress note: on the console only. */
    static void progress(String message) {
        System.out.printf(java.util.Locale.ROOT, "[bench %4.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
        System.out.flush();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private void add(String s) {
        text.append(s).append(s.endsWith("\n") ? "" : "\n");
        System.out.println(s);
        System.out.flush();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
