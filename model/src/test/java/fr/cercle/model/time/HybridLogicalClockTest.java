package fr.cercle.model.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class HybridLogicalClockTest {

    /** A wall clock the test sets by hand, to make it stand still or jump back. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void packingKeepsTheOrder() {
        Hlc a = new Hlc(1_764_000_000_000L, 5);
        Hlc b = new Hlc(1_764_000_000_000L, 6);
        Hlc c = new Hlc(1_764_000_000_001L, 0);

        assertThat(Hlc.unpack(a.pack())).isEqualTo(a);
        assertThat(a.pack()).isLessThan(b.pack());
        assertThat(b.pack()).isLessThan(c.pack());
        assertThat(a).isLessThan(b).isLessThan(c);
    }

    @Test
    void timestampsIncreaseWhenTheWallClockStandsStillOrGoesBack() {
        ManualClock wall = new ManualClock();
        wall.millis.set(10_000);
        HybridLogicalClock clock = new HybridLogicalClock(wall, Hlc.ZERO);

        Hlc first = clock.now();
        Hlc second = clock.now();
        wall.millis.set(5_000);
        Hlc afterJumpBack = clock.now();

        assertThat(first).isEqualTo(new Hlc(10_000, 0));
        assertThat(second).isEqualTo(new Hlc(10_000, 1));
        assertThat(afterJumpBack).isEqualTo(new Hlc(10_000, 2));
    }

    @Test
    void aTimestampFromAnotherDeviceIsFollowed() {
        ManualClock wall = new ManualClock();
        wall.millis.set(1_000);
        HybridLogicalClock clock = new HybridLogicalClock(wall, Hlc.ZERO);

        clock.observe(new Hlc(9_000, 4));

        assertThat(clock.now()).isEqualTo(new Hlc(9_000, 6));
    }

    @Test
    void restartingFromTheLastIssuedTimestampNeverGoesBack() {
        ManualClock wall = new ManualClock();
        wall.millis.set(1_000);

        HybridLogicalClock restarted = new HybridLogicalClock(wall, new Hlc(2_000, 7));

        assertThat(restarted.now()).isEqualTo(new Hlc(2_000, 8));
    }

    @Test
    void anExhaustedCounterMovesToTheNextMillisecond() {
        ManualClock wall = new ManualClock();
        HybridLogicalClock clock = new HybridLogicalClock(wall, new Hlc(50, Hlc.MAX_COUNTER));

        assertThat(clock.now()).isEqualTo(new Hlc(51, 0));
    }
}
