package org.stdhub.talent;

import java.time.Instant;

/**
 * An exam attempt's result was recorded or changed by a re-score: passed or not, for the exam of a course session.
 * {@code at} orders the results of one attempt (the latest counts).
 */
public record ExamResultRecorded(
        long attemptId, long examId, long courseId, String courseTitleZh, boolean passed, Instant at) {}
