package fr.cercle.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line, as a person types it and as the system passes a double-clicked exchange file. */
class LaunchOptionsTest {

    @Test
    void aFileGivenAloneIsTheBundleToImport() {
        LaunchOptions options = LaunchOptions.parse(List.of("/home/claire/Téléchargements/pour-la-mairie.cercle"));

        assertThat(options.bundle()).isEqualTo(Path.of("/home/claire/Téléchargements/pour-la-mairie.cercle"));
        assertThat(options.demo()).isFalse();
        assertThat(options.dataDir()).isNull();
    }

    @Test
    void aRelativeFileIsTakenFromTheCurrentFolderAndOnlyTheFirstCounts() {
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", "/srv/cercle", "a.cercle", "b.cercle"));

        assertThat(options.bundle()).isEqualTo(Path.of("a.cercle").toAbsolutePath());
        assertThat(options.dataDir()).isEqualTo("/srv/cercle");
    }

    @Test
    void withoutAFileThereIsNothingToImport() {
        assertThat(LaunchOptions.parse(List.of("--demo")).bundle()).isNull();
        assertThat(LaunchOptions.parse(List.of()).bundle()).isNull();
    }

    @Test
    void anUnknownOptionIsStillRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--demonstration")))
                .hasMessage("Unknown option: --demonstration");
    }

    @Test
    void checkStartIsAnOptionNotAFile() {
        LaunchOptions options = LaunchOptions.parse(List.of("--check-start", "--data-dir", "/tmp/x"));

        assertThat(options.checkStart()).isTrue();
        assertThat(options.bundle()).isNull();
        assertThat(LaunchOptions.parse(List.of()).checkStart()).isFalse();
    }
}
