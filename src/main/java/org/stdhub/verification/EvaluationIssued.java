package org.stdhub.verification;

import java.time.Instant;

/** An evaluation of a published standard was issued (signed off by its panel, now public). */
public record EvaluationIssued(long evaluationId, String designation, long drawId, Instant issuedAt) {}
