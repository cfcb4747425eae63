package fr.cercle.sync.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;

import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * A party's own keys: one signs what it sends (Ed25519), one opens what is sealed for it (HPKE with
 * X25519, HKDF-SHA256 and AES-256-GCM). Made with Tink, kept only where the party keeps its secrets:
 * an installation in its encrypted database, the server in its own database (docs/security.md).
 */
public final class PrivateIdentity {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeysetHandle signing;
    private final KeysetHandle opening;
    private final PublicKeySign signer;
    private final HybridDecrypt decrypter;
    private final PublicIdentity publicIdentity;

    private PrivateIdentity(KeysetHandle signing, KeysetHandle opening) throws GeneralSecurityException {
        this.signing = signing;
        this.opening = opening;
        this.signer = signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        this.decrypter = opening.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        this.publicIdentity = PublicIdentity.of(signing.getPublicKeysetHandle(), opening.getPublicKeysetHandle());
    }

    /** New random keys. */
    public static PrivateIdentity generate() {
        Tink.ready();
        try {
            HpkeParameters hpke = HpkeParameters.builder()
                    .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                    .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.NO_PREFIX)
                    .build();
            return new PrivateIdentity(KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput),
                    KeysetHandle.generateNew(hpke));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make new keys: " + e.getMessage(), e);
        }
    }

    /** Reads the JSON written by {@link #toJson()}. */
    public static PrivateIdentity fromJson(String json) {
        Tink.ready();
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("signing").isTextual() || !node.path("opening").isTextual()) {
                throw new IllegalArgumentException("Private keys have a 'signing' and an 'opening' keyset");
            }
            return new PrivateIdentity(
                    TinkJsonProtoKeysetFormat.parseKeyset(node.get("signing").asText(), InsecureSecretKeyAccess.get()),
                    TinkJsonProtoKeysetFormat.parseKeyset(node.get("opening").asText(), InsecureSecretKeyAccess.get()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Not usable private keys: " + e.getMessage(), e);
        }
    }

    /** The secret keys in clear, to be kept only in an encrypted store. */
    public String toJson() {
        try {
            ObjectNode node = JSON.createObjectNode();
            node.put("signing", TinkJsonProtoKeysetFormat.serializeKeyset(signing, InsecureSecretKeyAccess.get()));
            node.put("opening", TinkJsonProtoKeysetFormat.serializeKeyset(opening, InsecureSecretKeyAccess.get()));
            return node.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the keys: " + e.getMessage(), e);
        }
    }

    public PublicIdentity publicIdentity() {
        return publicIdentity;
    }

    public byte[] sign(byte[] data) {
        try {
            return signer.sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign: " + e.getMessage(), e);
        }
    }

    byte[] decrypt(byte[] ciphertext, byte[] context) throws GeneralSecurityException {
        return decrypter.decrypt(ciphertext, context);
    }
}
