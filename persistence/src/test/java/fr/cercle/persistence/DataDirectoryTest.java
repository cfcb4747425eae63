package fr.cercle.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    @Test
    void followsEachOperatingSystemsConvention() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", "/home/claire"))
                .isEqualTo(Path.of("/home/claire/.local/share/cercle"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/claire"), "Linux", "/home/claire"))
                .isEqualTo(Path.of("/data/claire/cercle"));
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "C:\\Users\\claire\\AppData\\Roaming"), "Windows 11", "C:\\Users\\claire"))
                .isEqualTo(Path.of("C:\\Users\\claire\\AppData\\Roaming").resolve("Cercle"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/claire"))
                .isEqualTo(Path.of("/Users/claire/Library/Application Support/Cercle"));
    }

    @Test
    void theCommandLineWinsOverTheVariableWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/srv/cercle-env");

        assertThat(DataDirectory.resolve("/srv/cercle-cli", env, "Linux", "/home/claire")).isEqualTo(Path.of("/srv/cercle-cli"));
        assertThat(DataDirectory.resolve(null, env, "Linux", "/home/claire")).isEqualTo(Path.of("/srv/cercle-env"));
        assertThat(DataDirectory.resolve("  ", env, "Linux", "/home/claire")).isEqualTo(Path.of("/srv/cercle-env"));
    }
}
