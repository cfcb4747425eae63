package fr.cercle.persistence.write;

import fr.cercle.model.common.Uuids;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How the write path sees a table of a synced entity: the entity's name in the journal, its id
 * column, the four audit columns, the data columns whose changes are journaled, and which of them
 * are <em>guarded</em>: a concurrent edit of a guarded field never overwrites it silently, the losing
 * value is kept as a conflict for a person to decide (status, referent, consent, situation…).
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
    private final Set<Field<?>> guardedFields;
    private final Map<Field<?>, TextRule> textRules;
    private final Map<String, Field<?>> byJournalName = new LinkedHashMap<>();
    /** What toColumn needs of each data field, worked out once: it runs for every field of every change received. */
    private final Map<Field<?>, Column> columns = new HashMap<>();
    private final Field<OffsetDateTime> createdAt;
    private final Field<UUID> createdBy;
    private final Field<OffsetDateTime> updatedAt;
    private final Field<UUID> updatedBy;
    private final boolean appendOnly;
    /** Fields a later schema version added: a creation written before them may lack them (they are then null). */
    private final Set<Field<?>> addedLater;

    private EntityTable(String entity, Table<R> table, TableField<R, UUID> id, Set<Field<?>> jsonArrayFields,
                        Set<Field<?>> guardedFields, Map<Field<?>, TextRule> textRules, boolean appendOnly,
                        Set<Field<?>> addedLater) {
        this.appendOnly = appendOnly;
        this.addedLater = Set.copyOf(addedLater);
        this.entity = Objects.requireNonNull(entity, "entity");
        this.table = Objects.requireNonNull(table, "table");
        this.id = Objects.requireNonNull(id, "id");
        this.jsonArrayFields = Set.copyOf(jsonArrayFields);
        this.guardedFields = Set.copyOf(guardedFields);
        this.textRules = Map.copyOf(textRules);
        this.createdAt = auditField(table, "CREATED_AT", OffsetDateTime.class);
        this.createdBy = auditField(table, "CREATED_BY", UUID.class);
        this.updatedAt = auditField(table, "UPDATED_AT", OffsetDateTime.class);
        this.updatedBy = auditField(table, "UPDATED_BY", UUID.class);
        this.dataFields = table.fieldStream()
                .filter(f -> !f.getName().equals(id.getName()) && !AUDIT_COLUMNS.contains(f.getName()))
                .<Field<?>>map(f -> f)
                .toList();
        dataFields.forEach(f -> byJournalName.put(journalName(f), f));
        dataFields.forEach(f -> columns.put(f, new Column(entity + "." + journalName(f), f.getType(),
                f.getDataType().nullable(), f.getDataType().length(), jsonArrayFields.contains(f), textRules.get(f))));
        if (!dataFields.containsAll(this.guardedFields) || !dataFields.containsAll(this.jsonArrayFields)
                || !dataFields.containsAll(this.textRules.keySet())) {
            throw new IllegalArgumentException("Guarded, JSON-array and ruled fields of " + entity + " must be data fields");
        }
        for (Field<?> field : this.textRules.keySet()) {
            if (field.getType() != String.class) {
                throw new IllegalArgumentException("A text rule applies to a text or JSON-array field, not to " + field);
            }
        }
    }

    /**
     * @param entity          the entity's name in the journal and the exchange format, such as {@code beneficiary}
     * @param jsonArrayFields the columns that hold a JSON array, journaled as arrays rather than as text
     * @param guardedFields   the columns whose concurrent overwrite is kept as a conflict
     * @param textRules       what a text field, or each item of a JSON-array field, may hold beyond its
     *                        length (the names of an enum, a form such as an INSEE code)
     */
    public static <R extends Record> EntityTable<R> of(String entity, Table<R> table, TableField<R, UUID> id,
                                                       Set<Field<?>> jsonArrayFields, Set<Field<?>> guardedFields,
                                                       Map<Field<?>, TextRule> textRules) {
        return new EntityTable<>(entity, table, id, jsonArrayFields, guardedFields, textRules, false, Set.of());
    }

    /**
     * As {@link #of}, with fields added by a later schema version: a creation written before them may
     * lack them, and a receiver takes them as null (docs/exchange-format.md, section 9).
     */
    public static <R extends Record> EntityTable<R> of(String entity, Table<R> table, TableField<R, UUID> id,
                                                       Set<Field<?>> jsonArrayFields, Set<Field<?>> guardedFields,
                                                       Map<Field<?>, TextRule> textRules, Set<Field<?>> addedLater) {
        return new EntityTable<>(entity, table, id, jsonArrayFields, guardedFields, textRules, false, addedLater);
    }

    /**
     * A table whose records are created and never changed nor deleted, such as the audit trail's:
     * the write path and the readers of the exchange format refuse any other operation on it.
     */
    public static <R extends Record> EntityTable<R> appendOnly(String entity, Table<R> table, TableField<R, UUID> id,
                                                               Map<Field<?>, TextRule> textRules) {
        return new EntityTable<>(entity, table, id, Set.of(), Set.of(), textRules, true, Set.of());
    }

    /** As {@link #appendOnly}, with fields added by a later schema version (see {@link #of} with them). */
    public static <R extends Record> EntityTable<R> appendOnly(String entity, Table<R> table, TableField<R, UUID> id,
                                                               Map<Field<?>, TextRule> textRules, Set<Field<?>> addedLater) {
        return new EntityTable<>(entity, table, id, Set.of(), Set.of(), textRules, true, addedLater);
    }

    /** Whether records are only ever created (see {@link #appendOnly}). */
    public boolean isAppendOnly() {
        return appendOnly;
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

    /** Whether the field holds a set of texts, exchanged as a JSON array of strings. */
    public boolean isJsonArray(Field<?> field) {
        return jsonArrayFields.contains(field);
    }

    /** What the field's text (or each item of its list) may hold beyond its length, if anything. */
    public Optional<TextRule> textRule(Field<?> field) {
        return Optional.ofNullable(textRules.get(field));
    }

    public boolean isGuarded(Field<?> field) {
        return guardedFields.contains(field);
    }

    /** The data field with this name in the journal and the exchange format. */
    public Optional<Field<?>> field(String journalName) {
        return Optional.ofNullable(byJournalName.get(journalName));
    }

    /** The data fields by their names in the journal and the exchange format, in the table's order. */
    public Map<String, Field<?>> fieldsByName() {
        return java.util.Collections.unmodifiableMap(byJournalName);
    }

    /** The names of the data fields, as in the journal and the exchange format. */
    /** The fields a creation must carry: all but those a later schema version added. */
    public Set<String> requiredInCreation() {
        Set<String> names = new java.util.LinkedHashSet<>(fieldNames());
        addedLater.forEach(field -> names.remove(journalName(field)));
        return names;
    }

    /** Whether a later schema version added this field (a creation may lack it). */
    public boolean isAddedLater(Field<?> field) {
        return addedLater.contains(field);
    }

    public Set<String> fieldNames() {
        return java.util.Collections.unmodifiableSet(byJournalName.keySet());
    }

    /** The field's name in the journal: the column name in lower case, such as {@code first_name}. */
    public static String journalName(Field<?> field) {
        return field.getName().toLowerCase(Locale.ROOT);
    }

    /**
     * A value of the journal or the exchange format (string, number, boolean, list of strings or
     * null) as this field's column value: the type the column holds, within its length, from its
     * closed list or in its form; a whole number written as one; a list without repeats whose JSON
     * text fits the column.
     *
     * @throws IllegalArgumentException naming the field and what it expects, if the value does not fit
     */
    public Object toColumn(Field<?> field, Object json) {
        Column column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException(field + " is not a data field of " + entity);
        }
        String name = column.name();
        if (json == null) {
            if (!column.nullable()) {
                throw new IllegalArgumentException(name + " cannot be empty");
            }
            return null;
        }
        Class<?> type = column.type();
        try {
            if (column.jsonArray()) {
                return jsonArray(column, json);
            }
            if (type == String.class) {
                String text = expect(json, String.class, name, "a text");
                checkLength(column, text, "");
                if (column.rule() != null && !column.rule().accepts(text)) {
                    throw new IllegalArgumentException(name + " must be " + column.rule().expected() + ", not \"" + text + "\"");
                }
                return text;
            }
            if (type == Boolean.class) {
                return expect(json, Boolean.class, name, "true or false");
            }
            if (type == Integer.class) {
                long value = whole(json, name);
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " must be a whole number from " + Integer.MIN_VALUE
                            + " to " + Integer.MAX_VALUE);
                }
                return (int) value;
            }
            if (type == Long.class) {
                return whole(json, name);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(expect(json, Number.class, name, "a number").toString());
            }
            if (type == LocalDate.class) {
                String text = expect(json, String.class, name, "a date (YYYY-MM-DD)");
                return date(text, name);
            }
            if (type == UUID.class) {
                return Uuids.parse(expect(json, String.class, name, "an id (UUID)"));
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(expect(json, String.class, name, "a date and time"));
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " does not hold a valid value: " + json, e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new IllegalArgumentException(name + " does not hold a valid value: " + json, e);
        }
        throw new IllegalStateException("No exchange form for " + type.getName() + " (" + name + ")");
    }

    /** A date written {@code YYYY-MM-DD}, a real day (LocalDate.parse, but without a formatter per value). */
    private static LocalDate date(String text, String name) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)) {
            throw new IllegalArgumentException(name + " must be a date (YYYY-MM-DD), not \"" + text + "\"");
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String jsonArray(Column column, Object json) {
        String name = column.name();
        if (!(json instanceof Collection<?> items)) {
            throw new IllegalArgumentException(name + " must be a list of texts");
        }
        Set<String> seen = new HashSet<>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException(name + " must be a list of texts");
            }
            if (!seen.add(text)) {
                throw new IllegalArgumentException(name + " lists the same value twice");
            }
            if (column.rule() != null && !column.rule().accepts(text)) {
                throw new IllegalArgumentException(name + " holds \"" + text + "\"; each item must be " + column.rule().expected());
            }
        }
        @SuppressWarnings("unchecked")
        String array = JsonValues.array((Collection<String>) items);
        checkLength(column, array, " once written as a JSON array");
        return array;
    }

    private static void checkLength(Column column, String text, String how) {
        if (column.maxLength() > 0 && text.length() > column.maxLength()) {
            throw new IllegalArgumentException(column.name() + " is longer than " + column.maxLength() + " characters" + how);
        }
    }

    /** A data field as toColumn checks it; {@code name} is {@code entity.field}, for messages. */
    private record Column(String name, Class<?> type, boolean nullable, int maxLength, boolean jsonArray, TextRule rule) {
    }

    /** A whole number written as one: {@code 2}, never {@code 2.0} or {@code 2.5}. */
    private static long whole(Object json, String name) {
        if (json instanceof Integer || json instanceof Long || json instanceof Short || json instanceof Byte) {
            return ((Number) json).longValue();
        }
        if (json instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw new IllegalArgumentException(name + " must be a whole number");
    }

    private static <T> T expect(Object json, Class<T> type, String name, String what) {
        if (!type.isInstance(json)) {
            throw new IllegalArgumentException(name + " must be " + what);
        }
        return type.cast(json);
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
