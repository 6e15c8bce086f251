package org.stdhub.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored evaluation model: the model, why it was set, by whom and when, and where it stands today ({@code
 * IN_FORCE} for the one evaluations dated today are scored with, {@code COMING} for one that takes effect later and
 * may still be withdrawn, {@code SUPERSEDED} for an earlier one, which still scores the evaluations of its days).
 */
public record EvaluationModelView(
        EvaluationModel model, String reason, String createdBy, Instant createdAt, Standing standing) {

    /** Where a model stands today. */
    public enum Standing {
        SUPERSEDED,
        IN_FORCE,
        COMING;

        public String messageKey() {
            return "programme.models.standing." + name();
        }
    }

    public LocalDate effectiveFrom() {
        return model.effectiveFrom();
    }
}
