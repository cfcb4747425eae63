package fr.cercle.persistence.write;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.TableField;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full state of one record to save: a value for every data field of its table. Saving a full
 * state (not a patch) lets the write path compute exactly which fields changed.
 *
 * @param <R> the jOOQ record type of the table
 */
public final class Values<R extends Record> {

    private final EntityTable<R> table;
    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    private Values(EntityTable<R> table) {
        this.table = table;
    }

    public static <R extends Record> Values<R> of(EntityTable<R> table) {
        return new Values<>(table);
    }

    public <T> Values<R> set(TableField<R, T> field, T value) {
        if (!table.dataFields().contains(field)) {
            throw new IllegalArgumentException(field.getName() + " is not a data field of " + table.entity());
        }
        values.put(field, value);
        return this;
    }

    EntityTable<R> table() {
        return table;
    }

    /** Every data field with its value; fails if one was forgotten, so that no field is erased by omission. */
    Map<Field<?>, Object> complete() {
        for (Field<?> field : table.dataFields()) {
            if (!values.containsKey(field)) {
                throw new IllegalStateException("No value given for " + table.entity() + "." + field.getName());
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
