package fr.cercle.persistence.commune;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Text;
import fr.cercle.persistence.StorageException;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static fr.cercle.persistence.jooq.Tables.COMMUNE;
import static fr.cercle.persistence.jooq.Tables.COMMUNE_POSTAL_CODE;
import static fr.cercle.persistence.jooq.Tables.REFERENCE_DATA;

/**
 * Loads the reference of French communes (shipped with the program, from Etalab) into the local
 * database once, and again only when a new version of the program ships a different file. Reference
 * data is the same on every installation: it is not journaled and never synced.
 */
public final class CommuneReferenceLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CommuneReferenceLoader.class);
    public static final String RESOURCE = "/fr/cercle/persistence/reference/communes-fr.csv";
    static final String NAME = "communes";
    private static final int BATCH = 2_000;

    private final DSLContext dsl;
    private final Clock clock;

    public CommuneReferenceLoader(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Loads the shipped reference if the database does not hold this very version of it yet. */
    public void ensureLoaded() {
        byte[] content;
        try (InputStream in = CommuneReferenceLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StorageException("The communes reference is missing from the program");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new StorageException("The communes reference could not be read", e);
        }
        load(content);
    }

    /** Loads this CSV content (header and columns of {@code communes-fr.csv}) unless already loaded. Returns true if loaded. */
    public boolean load(byte[] content) {
        String checksum = sha256(content);
        String loaded = dsl.select(REFERENCE_DATA.CHECKSUM).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.NAME.eq(NAME)).fetchOne(REFERENCE_DATA.CHECKSUM);
        if (checksum.equals(loaded)) {
            return false;
        }
        List<Map<String, String>> rows = parse(content);
        long started = System.nanoTime();
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.deleteFrom(COMMUNE_POSTAL_CODE).execute();
            tx.deleteFrom(COMMUNE).execute();
            BatchBindStep communes = communeBatch(tx);
            BatchBindStep postalCodes = postalCodeBatch(tx);
            int line = 2;
            int pending = 0;
            for (Map<String, String> row : rows) {
                String code = row.get("code_insee");
                if (!InseeCode.isValid(code)) {
                    throw new StorageException("Communes reference, line " + line + ": not an INSEE code: " + code);
                }
                String name = row.get("nom");
                String postal = row.getOrDefault("codes_postaux", "");
                communes.bind(code, name, Text.fold(name), postal, row.get("departement"), emptyToNull(row.get("region")),
                        emptyToNull(row.get("epci_code")), emptyToNull(row.get("epci_nom")), population(row, line));
                for (String postalCode : postal.split("\\|")) {
                    if (!postalCode.isBlank()) {
                        postalCodes.bind(postalCode.strip(), code);
                    }
                }
                line++;
                if (++pending == BATCH) {
                    communes.execute();
                    postalCodes.execute();
                    communes = communeBatch(tx);
                    postalCodes = postalCodeBatch(tx);
                    pending = 0;
                }
            }
            if (pending > 0) {
                communes.execute();
                postalCodes.execute();
            }
            tx.deleteFrom(REFERENCE_DATA).where(REFERENCE_DATA.NAME.eq(NAME)).execute();
            tx.insertInto(REFERENCE_DATA, REFERENCE_DATA.NAME, REFERENCE_DATA.CHECKSUM, REFERENCE_DATA.ROW_COUNT,
                    REFERENCE_DATA.LOADED_AT).values(NAME, checksum, rows.size(), OffsetDateTime.now(clock)).execute();
        });
        LOG.info("Loaded {} communes in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static BatchBindStep communeBatch(DSLContext tx) {
        return tx.batch(tx.insertInto(COMMUNE, COMMUNE.INSEE_CODE, COMMUNE.NAME, COMMUNE.NAME_FOLDED,
                COMMUNE.POSTAL_CODES, COMMUNE.DEPARTMENT, COMMUNE.REGION, COMMUNE.EPCI_CODE, COMMUNE.EPCI_NAME,
                COMMUNE.POPULATION).values((String) null, null, null, null, null, null, null, null, null));
    }

    private static BatchBindStep postalCodeBatch(DSLContext tx) {
        return tx.batch(tx.insertInto(COMMUNE_POSTAL_CODE, COMMUNE_POSTAL_CODE.POSTAL_CODE,
                COMMUNE_POSTAL_CODE.INSEE_CODE).values((String) null, null));
    }

    private static List<Map<String, String>> parse(byte[] content) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(new ByteArrayInputStream(content))) {
            List<Map<String, String>> rows = new ArrayList<>(40_000);
            while (it.hasNext()) {
                rows.add(it.next());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new StorageException("The communes reference is not a readable CSV file", e);
        }
    }

    private static int population(Map<String, String> row, int line) {
        String value = row.get("population");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StorageException("Communes reference, line " + line + ": population is not a number: " + value, e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
