package org.stdhub.catalog;

import java.util.Locale;

/** What kind of standard a designation names, derived from its prefix (see {@link Designation#kind()}). */
public enum StandardKind {
    NATIONAL_MANDATORY,
    NATIONAL_RECOMMENDED,
    NATIONAL_GUIDANCE,
    /** Special national series: GBZ, GJB, GSB, GBn, GBJ, JJF, JJG … */
    NATIONAL_OTHER,
    INDUSTRY,
    LOCAL,
    GROUP,
    ENTERPRISE,
    INTERNATIONAL;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** Lower-kebab code used in URLs, the database and the index, e.g. {@code national-recommended}. */
    public String code() {
        return code;
    }

    /** Message key of the human name, e.g. {@code standard.kind.national-recommended}. */
    public String messageKey() {
        return "standard.kind." + code;
    }

    /** The kind for a {@link #code()}; also accepts the enum name. */
    public static StandardKind fromCode(String code) {
        if (code != null) {
            String c = code.strip();
            for (StandardKind k : values()) {
                if (k.code.equalsIgnoreCase(c) || k.name().equalsIgnoreCase(c)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown standard kind: " + code);
    }

    public boolean isNational() {
        return this == NATIONAL_MANDATORY
                || this == NATIONAL_RECOMMENDED
                || this == NATIONAL_GUIDANCE
                || this == NATIONAL_OTHER;
    }

    public boolean isChinese() {
        return this != INTERNATIONAL;
    }
}
