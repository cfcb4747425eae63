package fr.cercle.sync.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What others know of a party: the key that checks its signatures (Ed25519) and the key that seals
 * for it (HPKE, X25519 and AES-256-GCM), each a Tink public keyset in its JSON form. Exchanged at
 * enrolment; holds no secret.
 */
public final class PublicIdentity {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String verifying;
    private final String sealing;
    private final PublicKeyVerify verifier;
    private final HybridEncrypt encrypter;

    private PublicIdentity(String verifying, String sealing) {
        Tink.ready();
        this.verifying = verifying;
        this.sealing = sealing;
        try {
            KeysetHandle verify = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(verifying);
            KeysetHandle seal = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(sealing);
            this.verifier = verify.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
            this.encrypter = seal.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Not a usable public identity: " + e.getMessage(), e);
        }
    }

    static PublicIdentity of(KeysetHandle verifying, KeysetHandle sealing) throws GeneralSecurityException {
        return new PublicIdentity(TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(verifying),
                TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(sealing));
    }

    /** Reads the JSON written by {@link #toJson()}; refuses anything that is not two public keysets. */
    public static PublicIdentity fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("verifying").isTextual() || !node.path("sealing").isTextual()) {
                throw new IllegalArgumentException("A public identity has a 'verifying' and a 'sealing' keyset");
            }
            return new PublicIdentity(node.get("verifying").asText(), node.get("sealing").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("A public identity is JSON: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("verifying", verifying);
        node.put("sealing", sealing);
        return node.toString();
    }

    /** Whether {@code signature} is this party's signature of {@code data}. */
    public boolean verifies(byte[] signature, byte[] data) {
        try {
            verifier.verify(signature, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    byte[] encrypt(byte[] plaintext, byte[] context) throws GeneralSecurityException {
        return encrypter.encrypt(plaintext, context);
    }

    /**
     * A short fingerprint of the signing key, for people to compare (16 hexadecimal digits in groups of
     * four): two identities with the same fingerprint are the same party.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifying.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
            return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicIdentity that && verifying.equals(that.verifying) && sealing.equals(that.sealing);
    }

    @Override
    public int hashCode() {
        return verifying.hashCode() * 31 + sealing.hashCode();
    }

    @Override
    public String toString() {
        return "PublicIdentity[" + fingerprint() + "]";
    }
}
