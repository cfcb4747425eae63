package fr.cercle.persistence.write;

import java.util.List;

/** What one save did: nothing (the record was already in that state), created it or changed some fields. */
public record Change(Operation operation, List<String> fields) {

    static final Change NONE = new Change(null, List.of());

    public boolean changed() {
        return operation != null;
    }
}
