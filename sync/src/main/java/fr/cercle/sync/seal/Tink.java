package fr.cercle.sync.seal;

import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

import java.security.GeneralSecurityException;

/** Registers the Tink primitives Cercle uses, once, before the first key is made or read. */
final class Tink {

    static {
        try {
            SignatureConfig.register();
            HybridConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Tink() {
    }

    /** Does nothing but make sure the registration above ran. */
    static void ready() {
        // the static initializer did the work
    }
}
