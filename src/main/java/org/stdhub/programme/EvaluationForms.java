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

    /** One expert's scores (item code → quantity), with the reference of the panel drawn through talent. */
    public record ExpertScores(String panelRef, String expert, Map<String, BigDecimal> quantities) {}

    /** Rectification of a failing unit: the deadline and what must be put right. */
    public record Rectification(LocalDate deadline, String reason) {}

    /** Closing note. */
    public record Closing(String note) {}
}
