package org.stdhub.verification;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.stdhub.development.Stage;
import org.stdhub.development.StagePrerequisite;
import org.stdhub.development.Transition;

/**
 * The guard development asks before technical review: when the alliance's rule says so, a project enters its review
 * draft stage (40.00, by registering the review draft or a fast-track revision) only with a completed verification
 * report. The refusal names the missing condition ({@code VERIFICATION_REPORT}).
 */
@Component
class ReportBeforeReview implements StagePrerequisite {

    static final String MISSING = "VERIFICATION_REPORT";

    private final VerificationTasks tasks;

    ReportBeforeReview(VerificationTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<Unmet> unmet(long projectId, long allianceId, Transition transition) {
        if (transition.to() != Stage.REVIEW_DRAFT_REGISTERED
                || !tasks.reportRequiredForReview(allianceId)
                || tasks.reportCompleted(projectId)) {
            return Optional.empty();
        }
        return Optional.of(new Unmet(MISSING, "verification.requirement.report"));
    }
}
