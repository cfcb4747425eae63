package fr.cercle.persistence.write;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How the write path sees a table of a synced entity: the entity's name in the journal, its id
 * column, the four audit columns, and the data columns whose changes are journaled.
 *
 * @param <R> the jOOQ record type of the table
 */
public final class EntityTable<R extends Record> {

    private static final Set<String> AUDIT_COLUMNS = Set.of("CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY");

    private final String entity;
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final List<Field<?>> dataFields;
    private final Set<Field<?>> jsonArrayFields;
    private final Field<OffsetDateTime> createdAt;
    private final Field<UUID> createdBy;
    private final Field<OffsetDateTime> updatedAt;
    private final Field<UUID> updatedBy;

    private EntityTable(String entity, Table<R> table, TableField<R, UUID> id, Set<Field<?>> jsonArrayFields) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.table = Objects.requireNonNull(table, "table");
        this.id = Objects.requireNonNull(id, "id");
        this.jsonArrayFields = Set.copyOf(jsonArrayFields);
        this.createdAt = auditField(table, "CREATED_AT", OffsetDateTime.class);
        this.createdBy = auditField(table, "CREATED_BY", UUID.class);
        this.updatedAt = auditField(table, "UPDATED_AT", OffsetDateTime.class);
        this.updatedBy = auditField(table, "UPDATED_BY", UUID.class);
        this.dataFields = table.fieldStream()
                .filter(f -> !f.getName().equals(id.getName()) && !AUDIT_COLUMNS.contains(f.getName()))
                .<Field<?>>map(f -> f)
                .toList();
    }

    /**
     * @param entity          the entity's name in the journal and the exchange format, such as {@code beneficiary}
     * @param jsonArrayFields the columns that hold a JSON array, journaled as arrays rather than as text
     */
    public static <R extends Record> EntityTable<R> of(String entity, Table<R> table, TableField<R, UUID> id,
                                                       Set<Field<?>> jsonArrayFields) {
        return new EntityTable<>(entity, table, id, jsonArrayFields);
    }

    private static <T> Field<T> auditField(Table<?> table, String name, Class<T> type) {
        Field<T> field = table.field(name, type);
        if (field == null) {
            throw new IllegalArgumentException("Table " + table.getName() + " lacks the audit column " + name);
        }
        return field;
    }

    public String entity() {
        return entity;
    }

    public Table<R> table() {
        return table;
    }

    public TableField<R, UUID> id() {
        return id;
    }

    public List<Field<?>> dataFields() {
        return dataFields;
    }

    boolean isJsonArray(Field<?> field) {
        return jsonArrayFields.contains(field);
    }

    /** The field's name in the journal: the column name in lower case, such as {@code first_name}. */
    static String journalName(Field<?> field) {
        return field.getName().toLowerCase(Locale.ROOT);
    }

    Field<OffsetDateTime> createdAt() {
        return createdAt;
    }

    Field<UUID> createdBy() {
        return createdBy;
    }

    Field<OffsetDateTime> updatedAt() {
        return updatedAt;
    }

    Field<UUID> updatedBy() {
        return updatedBy;
    }

    @Override
    public String toString() {
        return entity;
    }
}
