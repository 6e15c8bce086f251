package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** What people send to the evaluation workflow. */
public final class EvaluationForms {

    private EvaluationForms() {}

    /** Opens an evaluation of the unit of {@code contractId}; the model in force on {@code evaluatedOn} applies. */
    public record NewEvaluation(Long contractId, EvaluationKind kind, String round, LocalDate evaluatedOn) {}

    /** The unit's self-evaluation: item code → counted quantity, item code → evidence note. */
    public record SelfEvaluation(Map<String, BigDecimal> quantities, Map<String, String> evidence) {}

    /** A drawn expert's own sheet: item code → quantity. */
    public record ExpertSheet(Map<String, BigDecimal> quantities) {}

    /**
     * The panel's draw through the talent center: the fields of expertise (ICS or CCS codes, separated by spaces or
     * commas), members (odd) and reserves.
     */
    public record PanelRequest(String fieldCodes, Integer members, Integer reserves) {}

    /** Rectification of a failing unit: the deadline and what must be put right. */
    public record Rectification(LocalDate deadline, String reason) {}

    /** Closing note. */
    public record Closing(String note) {}
}
