package fr.cercle.persistence.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws values in fixed proportions: from a block holding each value as many times as its share,
 * without replacement, refilling the block when it is empty. Unlike independent draws, every value
 * appears in every full block, so even the small demo shows every status and domain (a few "left"
 * helpers among 80 is not left to luck), and the proportions hold at any size.
 *
 * @param <T> the values drawn
 */
final class Quota<T> {

    private final List<T> block;
    private final List<T> remaining = new ArrayList<>();

    private Quota(List<T> block) {
        if (block.isEmpty()) {
            throw new IllegalArgumentException("A quota needs at least one value");
        }
        this.block = List.copyOf(block);
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T next(DemoRandom random) {
        if (remaining.isEmpty()) {
            remaining.addAll(block);
        }
        int index = random.below(remaining.size());
        T value = remaining.get(index);
        int last = remaining.size() - 1;
        remaining.set(index, remaining.get(last));
        remaining.remove(last);
        return value;
    }

    /** Collects each value with its number of places in the block. */
    static final class Builder<T> {
        private final List<T> block = new ArrayList<>();

        Builder<T> add(T value, int count) {
            for (int i = 0; i < count; i++) {
                block.add(value);
            }
            return this;
        }

        Quota<T> build() {
            return new Quota<>(block);
        }
    }
}
