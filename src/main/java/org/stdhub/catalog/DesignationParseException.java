package org.stdhub.catalog;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A text that cannot be read as a standard designation. Carries a message key (in
 * {@code i18n/designation_*.properties}), its arguments and the 1-based position in the input where
 * reading stopped (-1 when the whole input is at fault).
 */
public class DesignationParseException extends org.stdhub.platform.UserFacingException {

    public static final String EMPTY = "designation.error.empty";
    public static final String TOO_LONG = "designation.error.too-long";
    public static final String MISSING_PREFIX = "designation.error.missing-prefix";
    public static final String UNKNOWN_PREFIX = "designation.error.unknown-prefix";
    public static final String UNEXPECTED_CHAR = "designation.error.unexpected-char";
    public static final String UNEXPECTED_END = "designation.error.unexpected-end";
    public static final String MISSING_NUMBER = "designation.error.missing-number";
    public static final String BAD_YEAR = "designation.error.bad-year";

    /** English templates, the same as {@code designation_en.properties}; used for {@link #getMessage()}. */
    static final Map<String, String> ENGLISH = Map.of(
            EMPTY, "The designation is empty.",
            TOO_LONG, "The designation is too long ({0} characters, at most {1}).",
            MISSING_PREFIX, "The designation must start with a code such as GB/T, YY/T, DB41/T, T/…, Q/…, ISO or IEC.",
            UNKNOWN_PREFIX, "Unknown standard code \"{0}\".",
            UNEXPECTED_CHAR, "Unexpected character \"{0}\" at position {1}.",
            UNEXPECTED_END, "The designation ends too early (position {0}).",
            MISSING_NUMBER, "A document number is missing after \"{0}\".",
            BAD_YEAR, "\"{0}\" at position {1} is not a valid year (four digits expected).");

    private final int position;

    public DesignationParseException(String messageKey, int position, Object... args) {
        super(format(messageKey, args), messageKey, args);
        this.position = position;
    }

    private static String format(String key, Object[] args) {
        String template = ENGLISH.get(key);
        if (template == null) {
            return key;
        }
        return new MessageFormat(template, Locale.ENGLISH).format(args == null ? new Object[0] : args);
    }

    @Override
    public Map<String, Object> problemProperties() {
        return position < 0 ? Map.of() : Map.of("position", position);
    }

    /** 1-based position in the input where reading stopped, or -1. */
    public int position() {
        return position;
    }
}
