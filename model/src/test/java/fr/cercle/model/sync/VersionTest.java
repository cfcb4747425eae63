package fr.cercle.model.sync;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.Hlc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {

    static Version at(String device, long seq, Hlc hlc) {
        return new Version(new ChangeId(DeviceId.parse(device), seq), hlc);
    }

    @Test
    void theClockDecidesFirstThenTheCounter() {
        Version early = at("ffffffff-ffff-ffff-ffff-ffffffffffff", 9, new Hlc(1_000, 5));
        Version late = at("00000000-0000-0000-0000-000000000001", 1, new Hlc(1_001, 0));
        Version sameMilliLaterCounter = at("00000000-0000-0000-0000-000000000001", 2, new Hlc(1_000, 6));

        assertThat(late.isAfter(early)).isTrue();
        assertThat(sameMilliLaterCounter.isAfter(early)).isTrue();
    }

    @Test
    void aTieOnTheClockGoesToTheGreaterDeviceIdReadAsAnUnsignedNumber() {
        Hlc same = new Hlc(1_000, 0);
        // UUID.compareTo compares signed halves and would put 8000… before 7fff…; another
        // implementation, comparing the text or the bytes, would not: replicas would then disagree.
        Version high = at("80000000-0000-0000-0000-000000000000", 1, same);
        Version low = at("7fffffff-ffff-ffff-ffff-ffffffffffff", 1, same);
        Version highLowHalf = at("00000000-0000-0000-8000-000000000000", 1, same);
        Version lowLowHalf = at("00000000-0000-0000-7fff-ffffffffffff", 1, same);

        assertThat(high.isAfter(low)).isTrue();
        assertThat(highLowHalf.isAfter(lowLowHalf)).isTrue();
    }

    @Test
    void theDeviceOrderIsTheOrderOfTheLowerCaseText() {
        Random random = new Random(42);
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            versions.add(new Version(new ChangeId(new DeviceId(new UUID(random.nextLong(), random.nextLong())), 1),
                    new Hlc(1_000, 0)));
        }

        List<Version> byVersion = versions.stream().sorted().toList();
        List<Version> byText = versions.stream()
                .sorted(Comparator.comparing(v -> v.change().device().toString())).toList();

        assertThat(byVersion).isEqualTo(byText);
    }

    @Test
    void theSameDeviceAndClockFallBackOnTheSequence() {
        Hlc same = new Hlc(1_000, 0);
        assertThat(at("00000000-0000-0000-0000-000000000001", 3, same)
                .isAfter(at("00000000-0000-0000-0000-000000000001", 2, same))).isTrue();
    }
}
