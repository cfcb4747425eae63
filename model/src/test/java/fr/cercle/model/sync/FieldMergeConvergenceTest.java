package fr.cercle.model.sync;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.Hlc;
import fr.cercle.model.time.HybridLogicalClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas edit one field concurrently, with clocks skewed by days, and exchange their changes in
 * random orders, late and duplicated. Once every replica has every change, they all hold the same
 * state, and no change was lost silently.
 */
class FieldMergeConvergenceTest {

    record Change(Version version, Set<ChangeId> base) {
    }

    static final class Replica implements FieldMerge.History {
        final DeviceId device;
        final HybridLogicalClock clock;
        final Set<ChangeId> applied = new HashSet<>();
        final Set<ChangeId> replaced = new HashSet<>();
        FieldState state;
        long seq;

        Replica(DeviceId device, long skewDays) {
            this.device = device;
            this.clock = new HybridLogicalClock(
                    Clock.fixed(Instant.parse("2026-11-27T10:00:00Z").plusSeconds(skewDays * 86_400), ZoneOffset.UTC),
                    Hlc.ZERO);
        }

        @Override
        public boolean applied(ChangeId change) {
            return applied.contains(change);
        }

        @Override
        public boolean replacedBeforeSeen(ChangeId change) {
            return replaced.contains(change);
        }

        void receive(Change change, boolean guarded) {
            if (applied.contains(change.version().change())) {
                return; // a duplicate: the import skips it before merging
            }
            clock.observe(change.version().hlc());
            FieldMerge.Outcome outcome = FieldMerge.apply(state, change.version(), change.base(), guarded, this);
            applied.add(change.version().change());
            replaced.addAll(outcome.replacedUnseen());
            if (outcome.incomingWasReplaced()) {
                replaced.remove(change.version().change());
            }
            state = outcome.state();
        }

        Change edit(boolean decide) {
            Set<ChangeId> base = state == null ? Set.of()
                    : decide ? state.live() : Set.of(state.winner().change());
            return new Change(new Version(new ChangeId(device, ++seq), clock.now()), base);
        }
    }

    @Property(tries = 400)
    void replicasThatReceivedTheSameChangesHoldTheSameField(@ForAll long seed, @ForAll boolean guarded,
                                                            @ForAll @IntRange(min = 2, max = 5) int devices) {
        Random random = new Random(seed);
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            replicas.add(new Replica(new DeviceId(new UUID(0, i + 1)), random.nextInt(7) - 3));
        }
        List<Change> all = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            Replica replica = replicas.get(random.nextInt(devices));
            if (all.isEmpty() || random.nextInt(3) == 0) {
                Change change = replica.edit(random.nextInt(4) == 0);
                all.add(change);
                replica.receive(change, guarded);
            } else {
                replica.receive(all.get(random.nextInt(all.size())), guarded); // late, out of order, or again
            }
        }
        for (Replica replica : replicas) {
            List<Change> rest = new ArrayList<>(all);
            rest.addAll(all.subList(0, all.size() / 2)); // duplicates
            Collections.shuffle(rest, random);
            rest.forEach(change -> replica.receive(change, guarded));
        }

        FieldState first = replicas.get(0).state;
        replicas.forEach(replica -> assertThat(replica.state).isEqualTo(first));
        replicas.forEach(replica -> assertThat(replica.replaced).isEmpty());

        Set<ChangeId> seenByLaterEdits = new LinkedHashSet<>();
        all.forEach(change -> seenByLaterEdits.addAll(change.base()));
        for (Change change : all) {
            ChangeId id = change.version().change();
            boolean kept = first.live().contains(id);
            boolean replacedKnowingly = seenByLaterEdits.contains(id);
            boolean lostToALaterConcurrentValue = !guarded && first.winner().isAfter(change.version());
            assertThat(kept || replacedKnowingly || lostToALaterConcurrentValue)
                    .as("change %s is in the final state, in a conflict, or was seen by the edit that replaced it", id)
                    .isTrue();
        }
    }
}
