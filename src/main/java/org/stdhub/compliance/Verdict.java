package org.stdhub.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a validity check says about one line of a list. */
public enum Verdict {
    /** The standard is in force. */
    CURRENT,
    /** Published, in force from its implementation date. */
    UPCOMING,
    /** This edition is (or may be) listed as current, but a newer edition of the same document is current. */
    EDITION_OUTDATED,
    /** Withdrawn; the replacement chain leads to the standards to use today. */
    WITHDRAWN_REPLACED,
    /** Withdrawn, and the catalog knows nothing that replaces it. */
    WITHDRAWN_NO_REPLACEMENT,
    /** In the catalog, but its source gives no status. */
    STATUS_UNKNOWN,
    /** Read as a designation, but not in the catalog. */
    NOT_FOUND,
    /** Not a designation the identifier engine can read. */
    UNREADABLE;

    /** The JSON and message-key form: {@code withdrawn-replaced}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the line names a standard of the catalog. */
    public boolean matched() {
        return this != NOT_FOUND && this != UNREADABLE;
    }

    /** Whether the standard may be cited as it is (in force today or soon). */
    public boolean ok() {
        return this == CURRENT || this == UPCOMING;
    }
}
