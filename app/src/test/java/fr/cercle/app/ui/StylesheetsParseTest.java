package fr.cercle.app.ui;

import javafx.collections.ObservableList;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stylesheet of the app parses without an error in JavaFX's own CSS parser. On an error JavaFX only logs a
 * warning and drops the rest of the file, so a broken brace (as a merge once left in {@code cercle.css}) silently
 * unstyles half the screens; this test names the file, the line and the parser's message instead.
 */
class StylesheetsParseTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    /** The parser writes where it stopped as "[line,column]" in its message. */
    static final Pattern POSITION = Pattern.compile("\\[(\\d+),(\\d+)]");

    @Test
    void everyStylesheetParsesWithoutError() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            sheets = files.filter(file -> file.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sheets).as("stylesheets under %s", RESOURCES.toAbsolutePath())
                .anySatisfy(sheet -> assertThat(sheet.getFileName()).hasToString("cercle.css"));

        List<String> errors = new ArrayList<>();
        for (Path sheet : sheets) {
            errors.addAll(errorsOf(sheet));
        }
        assertThat(errors).as("CSS parse errors (JavaFX drops every rule after one)").isEmpty();
    }

    /** The parser's errors for one file, each as "file line N: message". */
    static List<String> errorsOf(Path sheet) throws IOException {
        ObservableList<CssParser.ParseError> reported = CssParser.errorsProperty();
        synchronized (reported) {
            reported.clear();
            new CssParser().parse(sheet.toUri().toURL());
            List<String> errors = new ArrayList<>();
            String name = RESOURCES.relativize(sheet).toString().replace('\\', '/');
            for (CssParser.ParseError error : reported) {
                Matcher position = POSITION.matcher(error.getMessage());
                String line = position.find() ? "line " + position.group(1) : "line unknown";
                errors.add(name + " " + line + ": " + error.getMessage());
            }
            reported.clear();
            return errors;
        }
    }
}
