package org.stdhub.compliance.watch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a watchlist's feed address. Only its SHA-256 is stored (and a short prefix to recognise it); the
 * token itself is shown once, when it is made.
 */
record FeedToken(String token, String hash, String prefix) {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_LENGTH = 100;

    static FeedToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new FeedToken(token, sha256(token), token.substring(0, 6));
    }

    /** Constant-time comparison of the hash of {@code candidate} with the stored hash. */
    static boolean matches(String candidate, String storedHash) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || storedHash == null) {
            return false;
        }
        byte[] given = sha256(candidate).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "FeedToken[" + prefix + "…]";
    }
}
