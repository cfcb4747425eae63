package fr.cercle.persistence.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import fr.cercle.persistence.security.DatabaseKey;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The layout of a {@value #EXTENSION} file: everything an installation needs to come back, in one
 * file that is useless without a password of the time.
 * <pre>
 *   "CERCLEBK"            8 bytes, the magic
 *   format                1 byte ({@value #FORMAT})
 *   header length, header 4 bytes big-endian, JSON (UTF-8): creation time, schema version
 *   keyring length, keyring  4 bytes, the installation's keyring.json as it was
 *   payload               the H2 BACKUP zip of the database, streaming AES-256-GCM (Tink's
 *                         AES-GCM-HKDF, 1 MiB segments), its associated data all the bytes above
 * </pre>
 * The payload's key is derived from the database key ({@link DatabaseKey#derive}): whoever can sign
 * in with an account of the time, or use the recovery code of the time, can open it. Each segment is
 * authenticated and the associated data bind the plain header and keyring to it: a changed byte
 * anywhere makes the reading fail.
 */
public final class BackupFile {

    public static final String EXTENSION = ".cercle-backup";
    static final byte[] MAGIC = "CERCLEBK".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    /** The label of the payload key: changing it would make earlier backups unreadable. */
    static final String KEY_LABEL = "cercle-backup-v1";
    private static final int MAX_HEADER = 64 * 1024;
    private static final int MAX_KEYRING = 1024 * 1024;
    private static final int SEGMENT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BackupFile() {
    }

    /**
     * What a backup says of itself without a password: nothing personal.
     *
     * @param created       when it was made
     * @param schemaVersion the database's schema version (the latest migration applied)
     */
    public record Header(String created, String schemaVersion) {
        public Instant createdAt() {
            return Instant.parse(created);
        }
    }

    /** A backup's plain part, read: its header, the keyring, and the bytes the payload is bound to. */
    record Opened(Header header, byte[] keyring, byte[] associatedData) {
    }

    /** Writes the plain part and returns a stream that encrypts the payload after it; close it to finish. */
    static OutputStream write(OutputStream out, Header header, byte[] keyring, DatabaseKey key) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(plain);
        data.write(MAGIC);
        data.writeByte(FORMAT);
        byte[] json = JSON.writeValueAsBytes(header);
        data.writeInt(json.length);
        data.write(json);
        data.writeInt(keyring.length);
        data.write(keyring);
        data.flush();
        byte[] associated = plain.toByteArray();
        out.write(associated);
        try {
            return aead(key).newEncryptingStream(out, associated);
        } catch (GeneralSecurityException e) {
            throw new IOException("The backup's encryption could not start", e);
        }
    }

    /** Reads the plain part, leaving {@code in} at the start of the payload. */
    static Opened read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BackupException(BackupException.Reason.NOT_A_BACKUP, "This file is not a Cercle backup");
            }
            int format = data.readUnsignedByte();
            if (format != FORMAT) {
                throw new BackupException(BackupException.Reason.NEWER_FORMAT,
                        "This backup is in format " + format + "; this version of Cercle reads format " + FORMAT);
            }
            byte[] json = readChunk(data, MAX_HEADER);
            byte[] keyring = readChunk(data, MAX_KEYRING);
            Header header = JSON.readValue(json, Header.class);
            if (header.created() == null || header.schemaVersion() == null) {
                throw new BackupException(BackupException.Reason.DAMAGED, "The backup's header is incomplete");
            }
            ByteArrayOutputStream associated = new ByteArrayOutputStream();
            DataOutputStream again = new DataOutputStream(associated);
            again.write(MAGIC);
            again.writeByte(format);
            again.writeInt(json.length);
            again.write(json);
            again.writeInt(keyring.length);
            again.write(keyring);
            again.flush();
            return new Opened(header, keyring, associated.toByteArray());
        } catch (EOFException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, "The backup ends too early: it is incomplete", e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, "The backup's header does not read", e);
        }
    }

    /** The decrypting stream of the payload; a changed or missing byte fails as an IOException while reading. */
    static InputStream payload(InputStream in, byte[] associatedData, DatabaseKey key) throws IOException {
        try {
            return aead(key).newDecryptingStream(in, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("The backup's decryption could not start", e);
        }
    }

    private static byte[] readChunk(DataInputStream data, int max) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > max) {
            throw new BackupException(BackupException.Reason.DAMAGED, "The backup's plain part has an impossible length");
        }
        byte[] bytes = data.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    private static AesGcmHkdfStreaming aead(DatabaseKey key) throws GeneralSecurityException {
        return new AesGcmHkdfStreaming(key.derive(KEY_LABEL), "HmacSha256", 32, SEGMENT, 0);
    }
}
