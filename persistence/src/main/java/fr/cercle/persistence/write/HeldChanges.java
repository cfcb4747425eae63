package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.time.Hlc;

import java.util.Map;
import java.util.UUID;

/** A held change as stored while it waits: the same content as its journal entry, as JSON. */
final class HeldChanges {

    private HeldChanges() {
    }

    static String write(IncomingChange change) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("entity", change.entity());
        json.put("id", change.entityId().toString());
        json.put("op", change.operation().name());
        json.put("change", change.change().toString());
        json.put("hlc", change.hlc().pack());
        json.put("author", change.author().value().toString());
        json.set("fields", JsonValues.node(change.fields()));
        json.set("base", JsonValues.tree(VersionStore.baseJson(change.base())));
        return json.toString();
    }

    @SuppressWarnings("unchecked")
    static IncomingChange read(String text) {
        JsonNode json = JsonValues.tree(text);
        return new IncomingChange(json.get("entity").asText(), UUID.fromString(json.get("id").asText()),
                Operation.valueOf(json.get("op").asText()), ChangeId.parse(json.get("change").asText()),
                Hlc.unpack(json.get("hlc").asLong()), new StaffId(UUID.fromString(json.get("author").asText())),
                (Map<String, Object>) JsonValues.plain(json.get("fields")),
                VersionStore.base(json.get("base").toString()));
    }
}
