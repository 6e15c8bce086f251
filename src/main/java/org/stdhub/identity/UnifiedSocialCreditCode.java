package org.stdhub.identity;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (digits and upper-case letters
 * without I, O, Z, S, V); the last is a check character computed with weights 3^i mod 31.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {}

    /** Upper-cases and strips spaces; does not validate. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        String c = normalize(code);
        if (c == null || c.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(c.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return c.charAt(17) == ALPHABET.charAt(check);
    }

    /** The check character for the first 17 characters (for building test data). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
