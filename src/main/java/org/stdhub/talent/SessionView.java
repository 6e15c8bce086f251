package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as the catalog shows it: where, when (local time), places taken and free, the waiting list's length, the
 * fee recorded, its materials; for the trainer (and the base office) also the enrolments; for a signed-in person
 * their own enrolment, if any.
 */
public record SessionView(
        long id,
        long courseId,
        String courseTitle,
        String place,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        int capacity,
        int taken,
        int waiting,
        BigDecimal feeYuan,
        long trainerPersonId,
        boolean mayManage,
        List<MaterialView> materials,
        List<EnrolmentView> enrolments,
        EnrolmentView mine) {

    public int free() {
        return Math.max(0, capacity - taken);
    }

    /** A file handed out for the session. */
    public record MaterialView(long id, String fileName, String mediaType, long size) {}
}
