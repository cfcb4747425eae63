package fr.cercle.model.heatwave;

import fr.cercle.model.common.InseeCode;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone available to call during an alert, with where they live (to call their neighbours first)
 * and how many people they can call each round.
 */
public record Caller(CallerKind kind, UUID id, InseeCode commune, int capacity) {

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (capacity < 1) {
            throw new IllegalArgumentException("A caller calls at least one person: " + capacity);
        }
    }
}
