package org.stdhub.talent;

import java.time.Instant;

/**
 * An enrolment in a course session was made or changed state (enrolled, waitlisted, promoted, cancelled, attended,
 * no-show). Carries the course so that readers can count training output per course without asking again; {@code at}
 * orders the changes of one enrolment.
 */
public record EnrolmentChanged(
        long enrolmentId,
        long courseId,
        String courseTitleZh,
        long sessionId,
        EnrolmentState state,
        Instant enrolledAt,
        Instant at) {}
