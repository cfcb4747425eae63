package fr.cercle.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --check-start} in a process of its own, as the packaging runs it to record a start's classes:
 * the real start up to the first screen, then a clean exit whose status says whether it got there.
 */
class CheckStartTest {

    @Test
    void startsToTheFirstScreenThenQuitsWithSuccess(@TempDir Path data) throws Exception {
        Process process = start(data, "--check-start", "--data-dir", data.toString());

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start check ended").isTrue();
        // The tests' logback configuration logs to the console, which start() keeps in out.txt.
        String log = Files.readString(data.resolve("out.txt"));
        assertThat(process.exitValue()).as("exit status; output:%n%s", log).isZero();
        assertThat(log).contains("Access screen ready (FIRST_ACCOUNT)");
    }

    @Test
    void aStartThatCannotReachItsFirstScreenQuitsWithFailure(@TempDir Path data) throws Exception {
        // The demo's accounts cannot be made: its folder would be inside a file.
        Path notAFolder = Files.writeString(data.resolve("not-a-folder"), "x");

        Process process = start(data, "--check-start", "--demo", "--data-dir", notAFolder.toString());

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start check ended").isTrue();
        String log = Files.readString(data.resolve("out.txt"));
        assertThat(process.exitValue()).as("exit status; output:%n%s", log).isEqualTo(1);
        assertThat(log).contains("Start check failed").doesNotContain("Access screen ready");
    }

    private static Process start(Path workingDirectory, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Dglass.") || a.startsWith("-Dmonocle.") || a.startsWith("-Dprism.")
                        || a.startsWith("-Djava.awt.headless") || a.startsWith("-Dheadless."))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolve("out.txt").toFile())
                .start();
    }
}
