package org.stdhub.verification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the pages and API send to {@link VerificationTasks}. */
public final class TaskForms {

    private TaskForms() {}

    /** A clause to verify. */
    public record NewClause(String clauseNo, String requirement, String testMethod, String acceptance) {}

    /** A task on draft {@code draftId} of project {@code projectId} (the latest when null). */
    public record NewTask(
            Long projectId,
            Long draftId,
            String title,
            String plan,
            LocalDate dueDate,
            List<Long> labIds,
            List<NewClause> clauses) {}

    /** A test record of one lab on one clause; {@code labId} may be left out when the engineer works for one lab. */
    public record NewRecord(
            Long labId,
            String samples,
            String conditions,
            Long equipmentId,
            LocalDate testedOn,
            String quantity,
            BigDecimal measuredValue,
            String unit,
            BigDecimal expandedUncertainty,
            BigDecimal coverageFactor) {}

    /** Raw data of a record. */
    public record RawData(String fileName, byte[] content) {}

    /** The verdict on a clause. */
    public record Decision(String verdict, String recommendation, Long labId) {}

    public record Transition(String transition, String comment) {}

    /** An alliance's rule: technical review needs a completed verification report. */
    public record Policy(boolean reportRequiredForReview) {}
}
