package fr.cercle.model.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UuidsTest {

    @Test
    void theCanonicalFormReadsInEitherCase() {
        UUID id = UUID.fromString("0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30");
        assertThat(Uuids.parse("0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30")).isEqualTo(id);
        assertThat(Uuids.parse("0F8A2C3E-5B1D-4E7A-9C6F-2D4B8E1A7C30")).isEqualTo(id);
    }

    @Test
    void shortenedOrDecoratedFormsThatUuidFromStringTakesAreRefused() {
        for (String text : List.of("1-1-1-1-1", "0f8a2c3e5b1d4e7a9c6f2d4b8e1a7c30", "{0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30}",
                " 0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30", "0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c3g", "")) {
            assertThatThrownBy(() -> Uuids.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Uuids.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
