package fr.cercle.sync.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.common.Uuids;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.time.Hlc;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.EntityTable;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.persistence.write.Operation;
import org.jooq.Field;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change of the exchange format, one JSON object per line:
 * <pre>{"entity":"beneficiary","id":"…","op":"update","device":"…","seq":12,
 *  "hlc":"2026-11-27T08:00:00.123Z#0","author":"…","fields":{"status":"PAUSED"},
 *  "base":{"status":["&lt;device&gt;:11"]}}</pre>
 * Reading checks everything a receiver relies on: known entity and fields, values that fit, a
 * creation with every field, a deletion with none.
 */
public final class ChangeCodec {

    /**
     * Bounded parsing: no deep nesting, no huge numbers or texts inside a change. A member named twice
     * in one object is refused: parsers disagree on which of the two counts.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).maxStringLength(1_000_000).build()))
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The most versions one field's base may name: the value in force and the values in conflict
     * with it. Far above what concurrent edits produce; it keeps a journal entry within its column.
     */
    public static final int MAX_BASE = 100;

    private ChangeCodec() {
    }

    /** The wire form of a journal entry. */
    public static ObjectNode toJson(JournalEntry entry) {
        return toJson(IncomingChange.of(entry));
    }

    public static ObjectNode toJson(IncomingChange change) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("entity", change.entity());
        json.put("id", change.entityId().toString());
        json.put("op", change.operation().name().toLowerCase(Locale.ROOT));
        json.put("device", change.change().device().toString());
        json.put("seq", change.change().seq());
        json.put("hlc", formatHlc(change.hlc()));
        json.put("author", change.author().value().toString());
        json.set("fields", MAPPER.valueToTree(change.fields()));
        ObjectNode base = json.putObject("base");
        change.base().forEach((field, ids) -> {
            if (!ids.isEmpty()) {
                ArrayNode array = base.putArray(field);
                ids.forEach(id -> array.add(id.toString()));
            }
        });
        return json;
    }

    /** Writes a stored journal entry in its wire form; its fields and base are already exchange JSON. */
    public static void write(com.fasterxml.jackson.core.JsonGenerator json, fr.cercle.persistence.write.ChangeJournal.RawEntry entry)
            throws java.io.IOException {
        json.writeStartObject();
        json.writeStringField("entity", entry.entity());
        json.writeStringField("id", entry.entityId().toString());
        json.writeStringField("op", entry.operation().name().toLowerCase(Locale.ROOT));
        json.writeStringField("device", entry.change().device().toString());
        json.writeNumberField("seq", entry.change().seq());
        json.writeStringField("hlc", formatHlc(Hlc.unpack(entry.hlc())));
        json.writeStringField("author", entry.author().toString());
        json.writeFieldName("fields");
        json.writeRawValue(entry.fieldsJson());
        json.writeFieldName("base");
        json.writeRawValue(entry.baseJson());
        json.writeEndObject();
    }

    /**
     * An instant in UTC to the millisecond, always with three digits of fraction, as {@code
     * 2026-11-27T08:00:00.000Z} ({@link Instant#toString} leaves out a zero fraction).
     */
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** What a reader takes: the form above, or the same without fraction. No offset, no other precision. */
    static final String INSTANT_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{3})?Z";
    private static final Pattern HLC = Pattern.compile("(" + INSTANT_PATTERN + ")#(0|[1-9][0-9]{0,4})");
    private static final Pattern ISO_INSTANT = Pattern.compile(INSTANT_PATTERN);

    /** {@code 2026-11-27T08:00:00.123Z#0}: the instant in UTC to the millisecond, and the logical counter. */
    public static String formatHlc(Hlc hlc) {
        return INSTANT.format(hlc.instant()) + "#" + hlc.counter();
    }

    static Hlc parseHlc(String text) {
        Matcher matcher = HLC.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("hlc must look like 2026-11-27T08:00:00.123Z#0, not " + text);
        }
        try {
            return new Hlc(Instant.parse(matcher.group(1)).toEpochMilli(), Integer.parseInt(matcher.group(2)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("hlc must be a real instant from 1970 on and a counter up to 65535, not "
                    + text, e);
        }
    }

    /** An instant written as {@link #INSTANT} writes it, with or without its fraction. */
    static Instant parseInstant(String text) {
        if (!ISO_INSTANT.matcher(text).matches()) {
            throw new DateTimeParseException("not an instant in UTC such as 2026-11-27T08:00:00.123Z", text, 0);
        }
        return Instant.parse(text);
    }

    /** Parses and checks one line. */
    public static IncomingChange read(byte[] line, long lineNumber) throws BundleException {
        return read(line, lineNumber, true);
    }

    /**
     * Parses and checks one line; its field values against their fields only if {@code checkValues}
     * (a {@code Receiver} checks them again as it converts them, so an importer leaves it to it).
     */
    static IncomingChange read(byte[] line, long lineNumber, boolean checkValues) throws BundleException {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, lineNumber,
                    "not one valid JSON object (" + e.getOriginalMessage() + ")", e);
        } catch (java.io.IOException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, lineNumber, "unreadable", e);
        }
        try {
            return read(json, checkValues);
        } catch (IllegalArgumentException e) {
            throw new BundleException(BundleException.Problem.INVALID_CHANGE, lineNumber, e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static IncomingChange read(JsonNode json) {
        return read(json, true);
    }

    private static IncomingChange read(JsonNode json, boolean checkValues) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a change must be a JSON object");
        }
        Set<String> known = Set.of("entity", "id", "op", "device", "seq", "hlc", "author", "fields", "base");
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            if (!known.contains(member.getKey())) {
                throw new IllegalArgumentException("unknown member \"" + member.getKey() + "\"");
            }
        }
        String entity = text(json, "entity");
        EntityTable<?> table = Entities.byName(entity)
                .orElseThrow(() -> new IllegalArgumentException("unknown entity \"" + entity + "\""));
        UUID id = uuid(json, "id");
        Operation operation = switch (text(json, "op")) {
            case "create" -> Operation.CREATE;
            case "update" -> Operation.UPDATE;
            case "delete" -> Operation.DELETE;
            default -> throw new IllegalArgumentException("op must be create, update or delete");
        };
        if (table.isAppendOnly() && operation != Operation.CREATE) {
            throw new IllegalArgumentException(entity + " is only ever created: a change may not "
                    + text(json, "op") + " one");
        }
        JsonNode seqNode = json.get("seq");
        if (seqNode == null || !seqNode.canConvertToLong() || !seqNode.isIntegralNumber() || seqNode.asLong() < 1) {
            throw new IllegalArgumentException("seq must be a whole number from 1");
        }
        ChangeId change = new ChangeId(new DeviceId(uuid(json, "device")), seqNode.asLong());
        Hlc hlc = parseHlc(text(json, "hlc"));
        StaffId author = new StaffId(uuid(json, "author"));

        JsonNode fieldsNode = json.get("fields");
        if (fieldsNode == null || !fieldsNode.isObject()) {
            throw new IllegalArgumentException("fields must be an object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fieldsNode.properties()) {
            Field<?> field = table.field(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("unknown field " + entity + "." + e.getKey()));
            Object value = plain(e.getValue(), entity + "." + e.getKey());
            if (checkValues) {
                table.toColumn(field, value);
            }
            fields.put(e.getKey(), value);
        }
        if (operation == Operation.CREATE && !fields.keySet().containsAll(table.requiredInCreation())) {
            Set<String> missing = new LinkedHashSet<>(table.requiredInCreation());
            missing.removeAll(fields.keySet());
            throw new IllegalArgumentException("the creation of " + entity + " " + id + " lacks " + String.join(", ", missing));
        }
        if (operation == Operation.DELETE && !fields.isEmpty()) {
            throw new IllegalArgumentException("a deletion carries no field");
        }
        if (operation == Operation.UPDATE && fields.isEmpty()) {
            throw new IllegalArgumentException("an update changes at least one field");
        }

        Map<String, Set<ChangeId>> base = new LinkedHashMap<>();
        JsonNode baseNode = json.get("base");
        if (baseNode != null && !baseNode.isNull()) {
            if (!baseNode.isObject()) {
                throw new IllegalArgumentException("base must be an object");
            }
            for (Map.Entry<String, JsonNode> e : baseNode.properties()) {
                if (!fields.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("base names " + e.getKey() + ", which the change does not write");
                }
                if (!e.getValue().isArray()) {
                    throw new IllegalArgumentException("base of " + e.getKey() + " must be a list of change ids");
                }
                if (e.getValue().size() > MAX_BASE) {
                    throw new IllegalArgumentException("base of " + e.getKey() + " names " + e.getValue().size()
                            + " versions, more than the " + MAX_BASE + " a field can hold at once");
                }
                Set<ChangeId> ids = new LinkedHashSet<>();
                for (JsonNode idNode : e.getValue()) {
                    if (!idNode.isTextual()) {
                        throw new IllegalArgumentException("base of " + e.getKey() + " must be a list of change ids");
                    }
                    ids.add(ChangeId.parse(idNode.asText()));
                }
                base.put(e.getKey(), ids);
            }
        }
        return new IncomingChange(entity, id, operation, change, hlc, author, fields, base);
    }

    /** A field's JSON value as a plain Java value: text, whole number, decimal, boolean, list of texts, or null. */
    private static Object plain(JsonNode node, String name) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new IllegalArgumentException(name + " holds a number too large for any field");
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>(node.size());
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException(name + " must be a list of texts");
                }
                items.add(item.textValue());
            }
            return items;
        }
        throw new IllegalArgumentException(name + " holds an object, which no field takes");
    }

    private static String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(name + " must be a text");
        }
        return node.asText();
    }

    private static UUID uuid(JsonNode json, String name) {
        String text = text(json, name);
        try {
            return Uuids.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an id (8-4-4-4-12 hexadecimal digits), not " + text, e);
        }
    }
}
