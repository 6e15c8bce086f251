package org.stdhub.development;

/**
 * What the guards of {@link StageTransitions} read about a project at one moment: the current state, never inferred
 * from past events.
 *
 * @param openBallot a ballot on the project has not been closed
 * @param ballotClosedAtStage the latest ballot of the current stage is closed
 * @param ballotApprovedAtStage the latest closed ballot of the current stage was approved
 * @param reviewBallotApproved the latest closed review (40.20) ballot was approved
 * @param commentPeriodOver the comment period has reached its closing time
 * @param undisposedComments comments received without a disposition
 * @param reviewDue the review cycle since publication (or the last confirmation) has run out
 */
public record ProjectFacts(
        ProjectKind kind,
        AdoptionDegree degree,
        int drafts,
        boolean openBallot,
        boolean ballotClosedAtStage,
        boolean ballotApprovedAtStage,
        boolean reviewBallotApproved,
        boolean commentPeriodOver,
        int undisposedComments,
        boolean designationAssigned,
        boolean reviewDue) {}
