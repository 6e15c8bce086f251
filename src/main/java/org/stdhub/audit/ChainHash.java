package org.stdhub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that links an entry to the one before it: SHA-256 (hex) of the previous hash and every stored
 * field, joined by {@code |}. Each field is escaped ({@code \} → {@code \\}, {@code |} → {@code \|}) and a
 * null is written as {@code \N}, so that different entries can never produce the same input (null ≠ "",
 * and a {@code |} inside a value cannot shift the fields).
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    static String of(
            String prevHash,
            long seq,
            Instant occurredAt,
            String actor,
            String address,
            String objectType,
            String objectId,
            String action,
            String changes,
            String comment) {
        StringBuilder in = new StringBuilder(256);
        field(in, prevHash);
        in.append('|').append(seq).append('|');
        field(in, occurredAt == null ? null : UTC_MILLIS.format(occurredAt));
        for (String value : new String[] {actor, address, objectType, objectId, action, changes, comment}) {
            in.append('|');
            field(in, value);
        }
        return sha256(in.toString());
    }

    private static void field(StringBuilder in, String value) {
        if (value == null) {
            in.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '|') {
                in.append('\\');
            }
            in.append(c);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
