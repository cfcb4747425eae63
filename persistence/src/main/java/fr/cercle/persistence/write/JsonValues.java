package fr.cercle.persistence.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.persistence.StorageException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON forms the local database uses: set-valued columns (JSON arrays of strings) and the
 * changed fields of journal entries. One shared, configured {@link ObjectMapper}.
 */
public final class JsonValues {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonValues() {
    }

    /** A collection of strings as a JSON array, in its iteration order. */
    public static String array(Collection<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always writes as JSON", e);
        }
    }

    /** A JSON array of strings back to a list; a damaged value is a storage error, never silently empty. */
    public static List<String> strings(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StorageException("A list column holds something that is not a JSON array of strings", e);
        }
    }

    static Map<String, Object> object(String json) {
        try {
            return MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new StorageException("A journal entry holds damaged JSON", e);
        }
    }

    /** Puts a column value into a journal entry: dates as ISO text, ids as text, JSON arrays as arrays. */
    static void put(ObjectNode node, String name, Object value, boolean jsonArray) {
        if (value == null) {
            node.putNull(name);
        } else if (jsonArray) {
            JsonNode parsed = parse((String) value);
            node.set(name, parsed);
        } else if (value instanceof String text) {
            node.put(name, text);
        } else if (value instanceof Boolean bool) {
            node.put(name, bool);
        } else if (value instanceof Integer number) {
            node.put(name, number);
        } else if (value instanceof Long number) {
            node.put(name, number);
        } else if (value instanceof BigDecimal number) {
            node.put(name, number);
        } else if (value instanceof LocalDate || value instanceof UUID || value instanceof OffsetDateTime) {
            node.put(name, value.toString());
        } else {
            throw new IllegalArgumentException("No journal form for " + value.getClass().getName());
        }
    }

    /** Any JSON text as a tree; damaged JSON in the database is a storage error. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("The database holds damaged JSON", e);
        }
    }

    /** A JSON-compatible Java value (string, number, boolean, list, map or null) as a tree. */
    static JsonNode node(Object plain) {
        return MAPPER.valueToTree(plain);
    }

    /** Plain values (a map of them, as a change's fields) as JSON text, without building a tree. */
    static String text(Object plain) {
        try {
            return MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a plain JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** A column value in its journal form. */
    static JsonNode columnNode(Object value, boolean jsonArray) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        put(holder, "v", value, jsonArray);
        return holder.get("v");
    }

    /** A JSON tree back to plain Java values. */
    static Object plain(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("A list column holds damaged JSON", e);
        }
    }
}
