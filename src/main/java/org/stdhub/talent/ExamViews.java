package org.stdhub.talent;

import java.time.Instant;
import java.util.List;

/** Exams as their pages and API show them. */
public final class ExamViews {

    private ExamViews() {}

    public record BankView(long id, String title, long ownerPersonId, List<QuestionView> questions) {}

    /** A bank's question with its key (for the bank's owner and the base office only). */
    public record QuestionView(
            long id,
            QuestionKind kind,
            String topic,
            String text,
            List<String> choices,
            String answerKey,
            int points) {}

    public record ExamView(
            long id,
            long sessionId,
            String courseTitle,
            long bankId,
            String title,
            String blueprint,
            int durationMinutes,
            int passMark,
            int maxAttempts,
            String certificateTitle,
            boolean mayManage) {}

    /**
     * An attempt. Keys and other people's attempts are never shown to a trainee; {@code secondsLeft} is the server's
     * count.
     */
    public record AttemptView(
            long id,
            long examId,
            String examTitle,
            long personId,
            AttemptState state,
            Instant startedAt,
            Instant deadline,
            long secondsLeft,
            Instant closedAt,
            boolean closedByDeadline,
            Integer score,
            int maxScore,
            int passMark,
            Boolean passed,
            String certificateNumber,
            List<PaperQuestion> questions,
            List<RescoreView> rescores) {}

    /** A question of a paper with the answer given and the points awarded (the key only for the scorer). */
    public record PaperQuestion(
            long id,
            QuestionKind kind,
            String text,
            List<String> choices,
            int points,
            String answer,
            Integer awarded,
            String answerKey) {}

    public record RescoreView(long questionId, Integer pointsBefore, int pointsAfter, String reason, Instant at) {}
}
