package fr.cercle.sync.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Test helpers that forge bundles, to check what the reader does with content a writer never makes. */
public final class Bundles {

    private Bundles() {
    }

    /** The bundle with its header's checksum recomputed for its (altered) content. */
    public static byte[] rehash(String bundle) throws Exception {
        int newline = bundle.indexOf('\n');
        byte[] content = bundle.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String header = bundle.substring(0, newline).replaceFirst("\"contentSha256\":\"[0-9a-f]{64}\"",
                "\"contentSha256\":\"" + sha + "\"");
        return (header + "\n" + bundle.substring(newline + 1)).getBytes(StandardCharsets.UTF_8);
    }
}
