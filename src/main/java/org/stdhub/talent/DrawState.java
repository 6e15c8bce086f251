package org.stdhub.talent;

/**
 * A draw's steps: requested; inputs frozen and seed committed (hashes published); drawn (result sealed, visible to
 * the responsible officer only); decision recorded (result and seed published).
 */
public enum DrawState {
    REQUESTED,
    COMMITTED,
    DRAWN,
    DECIDED;

    public String messageKey() {
        return "talent.draw-state." + name();
    }
}
