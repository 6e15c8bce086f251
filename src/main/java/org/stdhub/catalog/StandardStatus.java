package org.stdhub.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a standard stands: in force, withdrawn, or published and not yet in force. The catalog keeps the lower-case
 * {@link #code()} (column {@code standard.status}, the JSON Lines field {@code status}, the search index); a standard
 * whose source gives no status has none (null).
 */
public enum StandardStatus {
    CURRENT("current"),
    WITHDRAWN("withdrawn"),
    UPCOMING("upcoming");

    private final String code;

    StandardStatus(String code) {
        this.code = code;
    }

    /** As stored: {@code current}, {@code withdrawn} or {@code upcoming}. */
    public String code() {
        return code;
    }

    /** Whether {@code code} (as stored, may be null) is this status. */
    public boolean is(String code) {
        return this.code.equals(code);
    }

    public static Optional<StandardStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.is(code)).findFirst();
    }

    /** Every stored code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(StandardStatus::code).toList();
    }
}
