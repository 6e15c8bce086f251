package org.stdhub.catalog.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The group of editions that carry one title: the Chinese title when there is one, else the English one,
 * compared in NFKC (full-width folded), without case, and with every run of punctuation or spaces read as one
 * space ("Part 2: Dimensions" and "Part 2 - Dimensions" alike). The group is the first 8 bytes of the SHA-256
 * of that form: two different titles share one with a probability of about 10⁻⁹ at a million titles.
 */
public final class TitleGroup {

    /** No title. */
    public static final long NONE = 0L;

    private TitleGroup() {}

    public static long of(String titleZh, String titleEn) {
        String title = normalized(titleZh);
        if (title.isEmpty()) {
            title = normalized(titleEn);
        }
        if (title.isEmpty()) {
            return NONE;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
            long group = 0;
            for (int i = 0; i < 8; i++) {
                group = (group << 8) | (digest[i] & 0xFF);
            }
            return group == NONE ? 1 : group;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** NFKC, lower case, every run of characters other than letters and digits one space. */
    static String normalized(String title) {
        if (title == null) {
            return "";
        }
        return Normalizer.normalize(title, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
