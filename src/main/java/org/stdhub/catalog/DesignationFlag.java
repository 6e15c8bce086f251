package org.stdhub.catalog;

import java.util.Locale;

/**
 * Soft warnings on a {@link Designation}: it is usable, but a person may want to look. The names are
 * part of the API ({@code /api/v1/designations/parse}) and of the message keys; they do not change.
 */
public enum DesignationFlag {
    /** Sector (industry) standard without /T or /Z: mandatory before the 2017 law, still in catalogues. */
    LEGACY_MANDATORY_SECTOR,
    /** "GB 50040-96": a two-digit year was expanded (50..99 → 19yy, 00..49 → 20yy). */
    TWO_DIGIT_YEAR_EXPANDED,
    /** An all-caps Chinese prefix that is not in the sector table; read as an industry standard. */
    UNKNOWN_SECTOR_CODE,
    /** DB + digits whose first two digits are not a province code of GB/T 2260. */
    UNKNOWN_REGION_CODE,
    /** "DB411234-2020": region and number were written together; the first two digits were taken as region. */
    AMBIGUOUS_REGION_SPLIT,
    /** "T/XZYC 00012024": an 8-digit group-standard number was read as sequence 0001 and year 2024. */
    YEAR_SPLIT_FROM_NUMBER,
    /** "ISO 9001-2015" / "ISO/TR 30406-2017": a last hyphen group 1900..2099 with no colon year was read as the year. */
    YEAR_FROM_HYPHEN;

    /** Message key, e.g. "designation.flag.unknown-sector-code". */
    public String messageKey() {
        return "designation.flag." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
