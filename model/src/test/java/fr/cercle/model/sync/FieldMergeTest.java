package fr.cercle.model.sync;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.Hlc;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldMergeTest {

    static final DeviceId TOWN_HALL = new DeviceId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final DeviceId CCAS = new DeviceId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    final Set<ChangeId> applied = new HashSet<>();
    final Set<ChangeId> replaced = new HashSet<>();
    final FieldMerge.History history = new FieldMerge.History() {
        @Override
        public boolean applied(ChangeId change) {
            return applied.contains(change);
        }

        @Override
        public boolean replacedBeforeSeen(ChangeId change) {
            return replaced.contains(change);
        }
    };

    static Version v(DeviceId device, long seq, long millis) {
        return new Version(new ChangeId(device, seq), new Hlc(millis, 0));
    }

    FieldState apply(FieldState state, Version incoming, Set<ChangeId> base, boolean guarded) {
        FieldMerge.Outcome outcome = FieldMerge.apply(state, incoming, base, guarded, history);
        applied.add(incoming.change());
        replaced.addAll(outcome.replacedUnseen());
        if (outcome.incomingWasReplaced()) {
            replaced.remove(incoming.change());
        }
        return outcome.state();
    }

    @Test
    void anEditThatSawTheValueReplacesItEvenWithAnEarlierClock() {
        Version created = v(TOWN_HALL, 1, 5_000);
        Version edit = v(CCAS, 1, 1_000); // the CCAS's PC is late, but its author saw the value
        FieldState state = apply(null, created, Set.of(), true);

        FieldState after = apply(state, edit, Set.of(created.change()), true);

        assertThat(after.winner()).isEqualTo(edit);
        assertThat(after.inConflict()).isFalse();
    }

    @Test
    void concurrentEditsOfAGuardedFieldKeepTheLoserAsAConflict() {
        Version created = v(TOWN_HALL, 1, 1_000);
        Version mine = v(TOWN_HALL, 2, 2_000);
        Version theirs = v(CCAS, 1, 3_000);
        FieldState state = apply(apply(null, created, Set.of(), true), mine, Set.of(created.change()), true);

        FieldMerge.Outcome outcome = FieldMerge.apply(state, theirs, Set.of(created.change()), true, history);

        assertThat(outcome.incomingWins()).isTrue();
        assertThat(outcome.state().winner()).isEqualTo(theirs);
        assertThat(outcome.state().losers()).containsExactly(mine);
    }

    @Test
    void concurrentEditsOfAnUnguardedFieldGoToTheLaterOneWithoutConflict() {
        Version created = v(TOWN_HALL, 1, 1_000);
        Version mine = v(TOWN_HALL, 2, 3_000);
        Version theirs = v(CCAS, 1, 2_000);
        FieldState state = apply(apply(null, created, Set.of(), false), mine, Set.of(created.change()), false);

        FieldMerge.Outcome outcome = FieldMerge.apply(state, theirs, Set.of(created.change()), false, history);

        assertThat(outcome.incomingWins()).isFalse();
        assertThat(outcome.state()).isEqualTo(FieldState.of(mine));
    }

    @Test
    void sameTimeIsBrokenByTheDeviceId() {
        Version created = v(TOWN_HALL, 1, 1_000);
        Version a = v(TOWN_HALL, 2, 2_000);
        Version b = v(CCAS, 1, 2_000);
        FieldState state = apply(apply(null, created, Set.of(), false), a, Set.of(created.change()), false);

        assertThat(FieldMerge.apply(state, b, Set.of(created.change()), false, history).state().winner()).isEqualTo(b);
    }

    @Test
    void aDecisionThatNamesBothValuesEndsTheConflict() {
        Version created = v(TOWN_HALL, 1, 1_000);
        Version mine = v(TOWN_HALL, 2, 2_000);
        Version theirs = v(CCAS, 1, 3_000);
        FieldState state = apply(null, created, Set.of(), true);
        state = apply(state, mine, Set.of(created.change()), true);
        state = apply(state, theirs, Set.of(created.change()), true);
        Version decision = v(TOWN_HALL, 3, 4_000);

        FieldState after = apply(state, decision, state.live(), true);

        assertThat(after).isEqualTo(FieldState.of(decision));
    }

    @Test
    void aVersionThatArrivesAfterItsReplacementStaysReplaced() {
        Version created = v(TOWN_HALL, 1, 1_000);
        Version edit = v(TOWN_HALL, 2, 2_000);
        Version later = v(CCAS, 1, 3_000); // the CCAS saw the edit
        FieldState state = apply(null, created, Set.of(), true);

        state = apply(state, later, Set.of(edit.change()), true);
        assertThat(replaced).containsExactly(edit.change());
        state = apply(state, edit, Set.of(created.change()), true);

        assertThat(state).isEqualTo(FieldState.of(later));
        assertThat(replaced).isEmpty();
    }

    @Test
    void changeIdsReadBackFromText() {
        ChangeId id = new ChangeId(CCAS, 42);
        assertThat(ChangeId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> ChangeId.parse("42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeId.parse(CCAS + ":0")).isInstanceOf(IllegalArgumentException.class);
        for (String other : List.of(CCAS + ":+42", CCAS + ":042", CCAS + ": 42", "1-1-1-1-1:42", CCAS + ":99999999999999999999")) {
            assertThatThrownBy(() -> ChangeId.parse(other)).as(other)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not a change id");
        }
    }
}
