package org.stdhub.talent;

/**
 * Where an exam attempt stands: {@code IN_PROGRESS} until submitted or its deadline passes, then {@code
 * AWAITING_SCORING} while short answers wait for the trainer, {@code SCORED} once the result is recorded (changed
 * only by a re-score with a reason).
 */
public enum AttemptState {
    IN_PROGRESS,
    AWAITING_SCORING,
    SCORED;

    public String messageKey() {
        return "talent.attempt." + name();
    }
}
