package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An evaluation as a reader sees it: the unit, kind and round, the model's date, the self-evaluation scored through
 * the model (with evidence notes), each expert's scored items, the panel mean, the class, the rank among the units of
 * the same kind and round, and rectification.
 */
public record EvaluationView(
        long id,
        long contractId,
        long organizationId,
        String organizationName,
        EvaluationKind kind,
        String round,
        LocalDate evaluatedOn,
        LocalDate modelEffectiveFrom,
        EvaluationState state,
        EvaluationModel.Score selfScore,
        Map<String, String> evidence,
        String panelRef,
        Panel panel,
        List<ExpertScore> experts,
        BigDecimal total,
        EvaluationModel.ResultClass resultClass,
        Integer rank,
        Integer rankedUnits,
        LocalDate rectificationDeadline,
        String rectificationReason,
        boolean rectificationOverdue,
        String closingNote,
        boolean demo) {

    /**
     * One expert's sheet scored through the model; {@code void} when the expert left the panel afterwards (replaced
     * by a reserve: the sheet does not count).
     */
    public record ExpertScore(String expert, EvaluationModel.Score score, boolean voided) {}

    /**
     * The panel drawn through the talent center: the draw (null before it is requested), how many seats are taken,
     * how many of the seated members' sheets are in, and whether the reader sits on it and has scored.
     */
    public record Panel(Long drawId, int seated, int sheetsIn, boolean viewerSeated, boolean viewerScored) {}
}
