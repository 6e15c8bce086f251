package org.stdhub.catalog;

/**
 * Where a catalog import job stands: previewing (reading the file, changing nothing), previewed (waiting for the
 * base office to confirm or discard), applying, and the ends: applied, discarded, failed.
 */
public enum ImportJobState {
    PREVIEWING,
    PREVIEWED,
    APPLYING,
    APPLIED,
    DISCARDED,
    FAILED;

    /** Previewing or applying: the job holds the one import slot. */
    public boolean running() {
        return this == PREVIEWING || this == APPLYING;
    }

    public boolean ended() {
        return this == APPLIED || this == DISCARDED || this == FAILED;
    }

    public String messageKey() {
        return "catalog.import.state." + name();
    }
}
