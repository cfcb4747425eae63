package fr.cercle.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.EntityTable;
import fr.cercle.persistence.write.TextRule;
import fr.cercle.sync.Installations;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.server.ServerBackends;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;
import org.jooq.Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Holds docs/exchange-format.md's companions to the code: every line of every example bundle
 * validates against docs/schema/cercle-exchange-v1.schema.json and every example is a valid bundle;
 * what the code writes today validates too; what the schema refuses the reader refuses; and the schema
 * describes exactly the entities, fields, lengths, closed lists and guarded fields the code checks.
 */
class ExchangeFormatSpecTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path SCHEMA = DOCS.resolve("schema").resolve("cercle-exchange-v1.schema.json");
    static final Path EXAMPLES = DOCS.resolve("examples");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema;
    static JsonSchema headerSchema;
    static JsonSchema changeSchema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = JSON.readTree(SCHEMA.toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        String uri = SCHEMA.toAbsolutePath().normalize().toUri().toString();
        headerSchema = factory.getSchema(SchemaLocation.of(uri + "#/$defs/header"), config);
        changeSchema = factory.getSchema(SchemaLocation.of(uri + "#/$defs/change"), config);
    }

    // ---- the example bundles

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(f -> f.getFileName().toString().matches(".*\\.cercle(\\.gz)?"))
                    .sorted().toList();
            assertThat(examples).as("example bundles in " + EXAMPLES).isNotEmpty();
            return examples;
        }
    }

    @Test
    void everyLineOfEveryExampleValidatesAgainstTheSchema() throws IOException {
        for (Path example : examples()) {
            assertValid(example.getFileName().toString(), lines(Files.readAllBytes(example)));
        }
    }

    @Test
    void everyExampleIsAValidBundle() throws Exception {
        for (Path example : examples()) {
            try (InputStream in = Files.newInputStream(example)) {
                BundleHeader header = BundleReader.check(in, BundleLimits.DEFAULT);
                assertThat(header.changeCount()).as(example.toString())
                        .isEqualTo(lines(Files.readAllBytes(example)).size() - 1);
            }
        }
    }

    @Test
    void theExamplesShowBothKindsAndEveryOperation() throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (Path example : examples()) {
            List<JsonNode> lines = lines(Files.readAllBytes(example));
            JsonNode header = lines.get(0);
            seen.add("kind " + header.path("kind").asText());
            if (header.has("serverEpoch") && header.has("acknowledged")) {
                seen.add("epoch and acknowledged");
            }
            for (JsonNode change : lines.subList(1, lines.size())) {
                seen.add("op " + change.path("op").asText());
                seen.add("entity " + change.path("entity").asText());
                if (!change.path("base").isEmpty()) {
                    seen.add("a base");
                }
            }
        }
        assertThat(seen).contains("kind push", "kind pull", "epoch and acknowledged", "op create", "op update",
                "op delete", "a base", "entity staff_member", "entity beneficiary", "entity helper");
    }

    // ---- what the code writes today

    @Test
    void whatAnInstallationAndTheServerWriteTodayValidates() throws Exception {
        CercleDatabase db = Installations.open(dir.resolve("town-hall"), TestData.CLOCK);
        try (db; ServerDatabase serverDb = ServerBackends.open(ServerBackends.newDatabase(ServerBackends.Backend.H2, dir))) {
            StaffMember claire = TestData.staff();
            Beneficiary jeanne = Installations.seed(db, claire);
            Installations.beneficiaries(db).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
            Helper karim = TestData.helper().build();
            new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(karim, claire.id());
            db.writer().run(claire.id(), tx -> new InstallationRepository(db.dsl(), db.deviceId())
                    .save(tx, new Structure("Mairie de La Souterraine", StructureKind.TOWN_HALL, TestData.LA_SOUTERRAINE)));
            db.writer().run(claire.id(), tx -> tx.delete(Entities.HELPER_TABLE, karim.id().value()));

            Path push = dir.resolve("push.cercle.gz");
            try (OutputStream out = Files.newOutputStream(push)) {
                new BundleExport(db, "Mairie de La Souterraine").ownChanges(0, out, true);
            }
            List<JsonNode> pushed = lines(Files.readAllBytes(push));
            assertThat(pushed).hasSize(1 + 6);
            assertValid("exported push", pushed);

            ServerStore server = new ServerStore(serverDb, BundleLimits.DEFAULT, Clock.systemUTC(), "Serveur");
            server.push(push);
            ByteArrayOutputStream pull = new ByteArrayOutputStream();
            server.pull(DeviceId.newId(), 0, 1_000, pull, true);
            List<JsonNode> pulled = lines(pull.toByteArray());
            assertThat(pulled).hasSize(1 + 6);
            assertValid("pulled from the server", pulled);

            // A pull by organisation, with a record leaving: format version 2 (section 13).
            Path reassigned = dir.resolve("reassigned.cercle");
            StaffMember paul = new StaffMember(fr.cercle.model.staff.StaffId.newId(), "Paul", "Durand", "Mairie",
                    Set.of(fr.cercle.model.common.Domain.ELDERLY), true);
            new fr.cercle.persistence.staff.StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
            Installations.beneficiaries(db).save(jeanne.withStatus(BeneficiaryStatus.PAUSED).toBuilder()
                    .referent(paul.id()).build(), claire.id());
            ServerDatabase scopedDb = ServerBackends.open(ServerBackends.newDatabase(ServerBackends.Backend.H2, dir.resolve("scoped")));
            try (scopedDb) {
                ServerStore scoped = new ServerStore(scopedDb, BundleLimits.DEFAULT, Clock.systemUTC(), "Serveur");
                try (OutputStream out = Files.newOutputStream(reassigned)) {
                    new BundleExport(db, "Mairie").ownChanges(0, out, false);
                }
                // Jeanne's first referent, Claire, is the CCAS's; Paul, made by another device, the town hall's.
                scopedDb.dsl().execute("INSERT INTO staff_scope VALUES ('" + paul.id().value() + "', 'Mairie')");
                scoped.push(reassigned, db.deviceId(), null, "CCAS");
                ByteArrayOutputStream forTheCcas = new ByteArrayOutputStream();
                var header = scoped.pull(DeviceId.newId(), 0, 1_000, forTheCcas, false, "CCAS");
                assertThat(header.formatVersion()).isEqualTo(2);
                assertThat(header.leaving()).extracting(BundleHeader.Leaving::id).containsExactly(jeanne.id().value());
                assertValid("pulled by organisation", lines(forTheCcas.toByteArray()));
            }
        }
    }

    // ---- what the schema refuses, the reader refuses

    @Test
    void badChangesAreRefusedByTheSchemaAndByTheReader() throws IOException {
        ObjectNode good = (ObjectNode) lines(Files.readAllBytes(EXAMPLES.resolve("push-new-beneficiary.cercle"))).get(2);
        assertThat(changeSchema.validate(good)).isEmpty();

        assertRefusedByBoth(good, "an unknown field", c -> fields(c).put("favourite_colour", "blue"));
        assertRefusedByBoth(good, "a number for a text", c -> fields(c).put("first_name", 42));
        assertRefusedByBoth(good, "a null for a required field", c -> fields(c).putNull("last_name"));
        assertRefusedByBoth(good, "a text too long", c -> fields(c).put("postal_code", "233000"));
        assertRefusedByBoth(good, "a value outside its enum", c -> fields(c).put("status", "ARCHIVED"));
        assertRefusedByBoth(good, "a list item outside its enum", c -> fields(c).putArray("domains").add("SPORT"));
        assertRefusedByBoth(good, "a list item twice", c -> fields(c).putArray("domains").add("HEALTH").add("HEALTH"));
        assertRefusedByBoth(good, "a commune that is no INSEE code", c -> fields(c).put("commune_insee", "2330"));
        assertRefusedByBoth(good, "a date in another form", c -> fields(c).put("birth_date", "02/03/1938"));
        assertRefusedByBoth(good, "a creation lacking a field", c -> fields(c).remove("situation"));
        assertRefusedByBoth(good, "an hlc with an offset", c -> c.put("hlc", "2026-11-25T10:14:03.512+01:00#1"));
        assertRefusedByBoth(good, "an hlc without its counter", c -> c.put("hlc", "2026-11-25T09:14:03.512Z"));
        assertRefusedByBoth(good, "an hlc counter too large", c -> c.put("hlc", "2026-11-25T09:14:03.512Z#65536"));
        assertRefusedByBoth(good, "a shortened id", c -> c.put("device", "1-1-1-1-1"));
        assertRefusedByBoth(good, "a sequence from 0", c -> c.put("seq", 0));
        assertRefusedByBoth(good, "a sequence as text", c -> c.put("seq", "2"));
        assertRefusedByBoth(good, "an unknown entity", c -> c.put("entity", "volunteer"));
        assertRefusedByBoth(good, "an unknown operation", c -> c.put("op", "upsert"));
        assertRefusedByBoth(good, "an unknown member", c -> c.put("comment", "typed by hand"));
        assertRefusedByBoth(good, "a base entry that is no change id", c -> c.putObject("base").putArray("status").add("A:2"));
        assertRefusedByBoth(good, "an update changing nothing", c -> {
            c.put("op", "update");
            c.putObject("fields");
        });
        assertRefusedByBoth(good, "a deletion carrying fields", c -> c.put("op", "delete"));
    }

    static ObjectNode fields(ObjectNode change) {
        return (ObjectNode) change.get("fields");
    }

    static void assertRefusedByBoth(ObjectNode good, String what, Consumer<ObjectNode> damage) {
        ObjectNode bad = good.deepCopy();
        damage.accept(bad);
        assertThat(changeSchema.validate(bad)).as("the schema refuses " + what).isNotEmpty();
        assertThatThrownBy(() -> ChangeCodec.read(JSON.writeValueAsBytes(bad), 2))
                .as("the reader refuses " + what)
                .isInstanceOf(BundleException.class);
    }

    // ---- the schema describes what the code checks

    @Test
    void theSchemaNamesTheEntitiesTheCodeSyncs() {
        List<String> inSchema = new ArrayList<>();
        schema.at("/$defs/change/properties/entity/enum").forEach(e -> inSchema.add(e.asText()));

        assertThat(inSchema).containsExactlyElementsOf(Entities.all().stream().map(EntityTable::entity).toList());
    }

    @Test
    void aCreationRequiresInTheSchemaTheFieldsTheReaderRequires() {
        for (EntityTable<?> table : Entities.all()) {
            List<String> required = new ArrayList<>();
            for (JsonNode branch : schema.at("/$defs/change/allOf")) {
                if (table.entity().equals(branch.at("/if/properties/entity/const").asText())) {
                    branch.at("/then/then/properties/fields/required").forEach(n -> required.add(n.asText()));
                }
            }
            assertThat(required).as(table.entity()).containsExactlyInAnyOrderElementsOf(table.requiredInCreation());
        }
    }

    @Test
    void theSchemaDescribesEveryFieldAsTheCodeChecksIt() {
        for (EntityTable<?> table : Entities.all()) {
            JsonNode properties = schema.at("/$defs/" + table.entity() + "/properties");
            List<String> described = new ArrayList<>();
            properties.fieldNames().forEachRemaining(described::add);
            assertThat(described).as(table.entity()).containsExactlyInAnyOrderElementsOf(table.fieldNames());
            assertThat(schema.at("/$defs/" + table.entity() + "/additionalProperties").asBoolean(true))
                    .as(table.entity() + " refuses unknown fields").isFalse();
            for (Field<?> field : table.dataFields()) {
                String name = table.entity() + "." + EntityTable.journalName(field);
                JsonNode property = properties.get(EntityTable.journalName(field));
                assertThat(property.path("description").asText().startsWith("Guarded."))
                        .as(name + " is guarded").isEqualTo(table.isGuarded(field));
                assertField(name, table, field, property);
            }
        }
    }

    static void assertField(String name, EntityTable<?> table, Field<?> field, JsonNode property) {
        boolean nullable = field.getDataType().nullable();
        int length = field.getDataType().length();
        TextRule rule = table.textRule(field).orElse(null);
        Class<?> type = field.getType();
        if (table.isJsonArray(field)) {
            assertThat(nullable).as(name + ": list columns are never null").isFalse();
            assertThat(property.path("type").asText()).as(name).isEqualTo("array");
            assertThat(property.path("uniqueItems").asBoolean()).as(name).isTrue();
            assertThat(property.path("description").asText()).as(name).contains("at most " + length + " characters");
            assertChoices(name, property.path("items"), rule, false);
            return;
        }
        assertThat(types(property)).as(name).isEqualTo(nullable
                ? Set.of(jsonType(type), "null") : Set.of(jsonType(type)));
        if (type == String.class) {
            assertThat(property.path("maxLength").asInt()).as(name).isEqualTo(length);
            if (rule != null && rule.choices().isEmpty()) {
                assertSamePattern(name, property, rule);
            }
            assertChoices(name, property, rule, nullable);
        } else if (type == Integer.class) {
            assertThat(property.path("minimum").asLong()).as(name).isEqualTo(Integer.MIN_VALUE);
            assertThat(property.path("maximum").asLong()).as(name).isEqualTo(Integer.MAX_VALUE);
        } else if (type == LocalDate.class) {
            assertThat(property.path("format").asText()).as(name).isEqualTo("date");
            assertThat(property.path("pattern").asText()).as(name).isEqualTo("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        } else if (type == UUID.class) {
            assertThat(property.path("pattern").asText()).as(name).isEqualTo(schema.at("/$defs/uuid/pattern").asText());
        }
    }

    static String jsonType(Class<?> type) {
        if (type == Boolean.class) {
            return "boolean";
        }
        return type == Integer.class || type == Long.class ? "integer" : "string";
    }

    static Set<String> types(JsonNode property) {
        Set<String> types = new LinkedHashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(property.path("type").asText());
        }
        return types;
    }

    static void assertChoices(String name, JsonNode property, TextRule rule, boolean nullable) {
        if (rule == null || rule.choices().isEmpty()) {
            assertThat(property.has("enum")).as(name + " has no closed list").isFalse();
            return;
        }
        List<Object> expected = new ArrayList<>(rule.choices());
        if (nullable) {
            expected.add(null);
        }
        List<Object> inSchema = new ArrayList<>();
        property.path("enum").forEach(v -> inSchema.add(v.isNull() ? null : v.asText()));
        assertThat(inSchema).as(name + " lists the same values as the code").isEqualTo(expected);
    }

    /** A form (such as an INSEE code) has no list to compare: the schema's pattern must agree on samples. */
    static void assertSamePattern(String name, JsonNode property, TextRule rule) {
        Pattern pattern = Pattern.compile(property.path("pattern").asText());
        for (String sample : List.of("23176", "2A004", "2B033", "01001", "2C001", "2317", "231766", "AB123", "23 17", "")) {
            assertThat(pattern.matcher(sample).find()).as(name + " on \"" + sample + "\"").isEqualTo(rule.accepts(sample));
        }
    }

    // ---- helpers

    /** The lines of a bundle, plain or compressed, as JSON. */
    static List<JsonNode> lines(byte[] bundle) throws IOException {
        byte[] plain = bundle.length > 1 && (bundle[0] & 0xff) == 0x1f && (bundle[1] & 0xff) == 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(bundle)).readAllBytes() : bundle;
        String text = new String(plain, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    static void assertValid(String what, List<JsonNode> lines) {
        Set<ValidationMessage> headerErrors = headerSchema.validate(lines.get(0));
        assertThat(headerErrors).as(what + ", line 1").isEmpty();
        for (int i = 1; i < lines.size(); i++) {
            assertThat(changeSchema.validate(lines.get(i))).as(what + ", line " + (i + 1)).isEmpty();
        }
    }
}
