package org.stdhub.verification.conformity;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Conformity test report numbers: {@code CTR-2026-XXXX-XXXX}, the year of issue and eight random characters of
 * Crockford's base 32 (no I, L, O, U), 40 random bits: not guessable, so the public verification cannot be used to
 * list reports.
 */
public final class ReportNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("CTR-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final String PREFIX = "CTR-";

    private ReportNumbers() {}

    public static String next(LocalDate issuedOn) {
        StringBuilder b = new StringBuilder(PREFIX).append(issuedOn.getYear()).append('-');
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
        String t = typed.strip().toUpperCase(Locale.ROOT);
        if (!t.startsWith(PREFIX)) {
            return t;
        }
        return PREFIX
                + t.substring(PREFIX.length())
                        .replace('O', '0')
                        .replace('I', '1')
                        .replace('L', '1');
    }

    /** Whether {@code number} (normalized) has the form of a report number. */
    public static boolean wellFormed(String number) {
        return number != null && FORM.matcher(number).matches();
    }
}
