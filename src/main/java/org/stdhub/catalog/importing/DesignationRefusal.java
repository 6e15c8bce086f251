package org.stdhub.catalog.importing;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why the importer refuses an {@code id_raw} that the identifier engine cannot read: each rule names a class of
 * catalogue entries that is not one standard's designation, or a form too damaged to be read safely, with the
 * reason an operator reads in the import report. A designation no rule names is refused with the engine's own
 * message ({@link #classify} gives empty).
 *
 * <p>The rules are applied only after the engine failed: they never take a readable designation away.
 */
public enum DesignationRefusal {
    RANGE("a range of standards (X~Y), not one standard: import each standard on its own line", "[~～]"),
    JOINT(
            "several designations in one (a joint or co-published standard listed under each number): import each"
                    + " standard on its own line",
            "\\d(\\(\\d{4}\\))?\\s+[A-Z]{1,10}\\d*/?\\s?[A-Z]*\\s?\\d"),
    REAFFIRMED("a reaffirmation year in brackets after the year (GB 1095-1979(1990))", "-\\d{4}\\(\\d{4}\\)$"),
    TRUNCATED_YEAR("the year is cut short (three digits)", "-\\d{3}$"),
    ROMAN_VOLUME(
            "a Roman-numeral volume before the number (old surveying standards CH I…IV)", "^CH\\s?(I|II|III|IV|V)\\b"),
    HYPHENATED_NUMBER(
            "a number in groups joined by '-' (the Chinese grammar joins parts with '.', so the groups would be read"
                    + " as a year)",
            "\\d[A-Z]?-[\\d.]+-\\d{4}$"),
    SPACED_GROUPS(
            "a letter code or number group separated from the number by a space (JJF A 1203, CSM 01 01 01 00,"
                    + " T/CMA JY 122)",
            "[A-Z)]\\s[A-Z]{1,6}\\s?[\\d]|\\d\\s\\d|\\d[A-Z]\\s\\d"),
    SUB_CODE(
            "a sub-code after the standard code that the grammar does not know (JB/ZQ, NB/SH/T, ZBBZH/GZ)",
            "^[A-Z]{2,6}/[A-Z]{2,}"),
    UNKNOWN_LOCAL_CODE(
            "a garbled or unknown local code (DG5306/T, DB 1509T, B46/T)", "^(DG\\d+/|DB\\s?\\d+[TZ]\\s|B\\d{2}/)"),
    REFERENCE_MATERIAL("a certified reference material number (GBW), not a standard", "^GBW\\s"),
    TRANSLATION(
            "a translated edition (designation + E, R, FR…), listed apart from the standard it translates",
            "-\\d{4}\\s?\\(?(E|R|F|FR|P|J|G|S|EN)\\)?$"),
    VARIANT_SUFFIX(
            "a part or variant written in a form the grammar does not read (/1 after the number, .F, CC_045, 2X)",
            "\\d/\\d-\\d{4}$|\\.[A-Z]-\\d{4}$|_|\\d[A-Z](\\s|$)");

    private final String reason;
    private final Pattern pattern;

    DesignationRefusal(String reason, String regex) {
        this.reason = reason;
        this.pattern = Pattern.compile(regex);
    }

    /** The reason in words, for the import report. */
    public String reason() {
        return reason;
    }

    /** The first rule that names this unreadable designation, or empty when none does. */
    public static Optional<DesignationRefusal> classify(String idRaw) {
        String text = Normalizer.normalize(idRaw.strip(), Normalizer.Form.NFKC);
        for (DesignationRefusal rule : values()) {
            if (rule.pattern.matcher(text).find()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
