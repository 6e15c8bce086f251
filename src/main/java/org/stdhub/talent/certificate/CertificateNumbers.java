package org.stdhub.talent.certificate;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Certificate numbers: {@code STH-2026-XXXX-XXXX}, the year of issue and eight random characters of Crockford's
 * base 32 (no I, L, O, U), 40 random bits: not guessable, so the public verification cannot be used to list
 * certificates.
 */
public final class CertificateNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {}

    public static String next(LocalDate issuedOn) {
        StringBuilder b = new StringBuilder("STH-").append(issuedOn.getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The number as people type it: trimmed, upper case, O read as 0 and I/L as 1. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String t = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (!t.startsWith("STH-")) {
            return t;
        }
        return "STH-" + t.substring(4).replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
