package org.stdhub.catalog.importing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The fields an overlay line may add to a standard ({@code adds}), in the order they are listed. */
enum OverlayField {
    STATUS("status"),
    STATUS_RAW("status_raw"),
    PUBLISHER("publisher"),
    PUBLISHED("published"),
    IMPLEMENTED("implemented"),
    TC("tc"),
    ICS("ics"),
    CCS("ccs"),
    REPLACES("replaces"),
    REPLACED_BY("replaced_by");

    static final List<String> NAMES =
            Arrays.stream(values()).map(OverlayField::json).toList();

    private final String json;

    OverlayField(String json) {
        this.json = json;
    }

    /** The field's name in the JSON Lines format. */
    String json() {
        return json;
    }

    /** The given field names in this enum's order. */
    static List<String> ordered(Collection<String> names) {
        return NAMES.stream().filter(names::contains).toList();
    }
}
