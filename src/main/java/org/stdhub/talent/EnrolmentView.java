package org.stdhub.talent;

import java.time.Instant;

/** One enrolment: whose, in which session, where it stands. */
public record EnrolmentView(
        long id, long sessionId, long personId, String personName, EnrolmentState state, Instant enrolledAt) {}
