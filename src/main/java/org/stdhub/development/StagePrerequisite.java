package org.stdhub.development;

import java.util.Optional;

/**
 * A condition another module puts on a stage transition without development depending on it (an SPI): before a
 * transition is made, every bean implementing this is asked; the first unmet condition refuses the transition with a
 * 409 that names it ({@link TransitionRefused#missing()} is the condition's {@code name}).
 */
public interface StagePrerequisite {

    /** A condition that is not met: its name (problem member {@code missing}) and the message that says what lacks. */
    record Unmet(String name, String messageKey) {}

    /**
     * What is missing before {@code transition} may be made on project {@code projectId} of alliance {@code
     * allianceId}, or empty when nothing is.
     */
    Optional<Unmet> unmet(long projectId, long allianceId, Transition transition);
}
