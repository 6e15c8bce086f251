package org.stdhub.talent;

/** What trainers and trainees write about exams. */
public final class ExamForms {

    private ExamForms() {}

    public record NewBank(String title) {}

    /** Choices one a line; the key: letters ("A", "A,C"), "true"/"false", or a model answer. */
    public record NewQuestion(
            QuestionKind kind, String topic, String text, String choices, String answerKey, Integer points) {}

    public record NewExam(
            Long sessionId,
            Long bankId,
            String title,
            String blueprint,
            Integer durationMinutes,
            Integer passMark,
            Integer maxAttempts,
            String certificateTitle) {}

    public record Answer(Long questionId, String answer) {}

    public record Score(Long questionId, Integer points) {}

    public record Rescore(Long questionId, Integer points, String reason) {}
}
