package org.stdhub.development;

import java.util.function.Predicate;

/** A condition a transition needs besides the actor's role and the current stage, with the message that names it. */
public enum Requirement {
    DRAFT(f -> f.drafts() > 0),
    OPEN_BALLOT(ProjectFacts::openBallot),
    BALLOT_CLOSED(f -> !f.openBallot() && f.ballotClosedAtStage()),
    BALLOT_APPROVED(ProjectFacts::ballotApprovedAtStage),
    REVIEW_BALLOT_APPROVED(ProjectFacts::reviewBallotApproved),
    COMMENT_PERIOD_OVER(ProjectFacts::commentPeriodOver),
    COMMENTS_DISPOSED(f -> f.undisposedComments() == 0),
    IDT_ADOPTION(f -> f.kind() == ProjectKind.ADOPTION && f.degree() == AdoptionDegree.IDT),
    REVISION(f -> f.kind() == ProjectKind.REVISION),
    DESIGNATION_ASSIGNED(ProjectFacts::designationAssigned),
    REVIEW_DUE(ProjectFacts::reviewDue),
    NO_OPEN_BALLOT(f -> !f.openBallot());

    private final Predicate<ProjectFacts> test;

    Requirement(Predicate<ProjectFacts> test) {
        this.test = test;
    }

    public boolean isMet(ProjectFacts facts) {
        return test.test(facts);
    }

    /** "development.requirement.DRAFT": what is missing, in words. */
    public String messageKey() {
        return "development.requirement." + name();
    }
}
