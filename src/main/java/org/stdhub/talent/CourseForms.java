package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** What trainers and trainees write about courses. Times are local (Asia/Shanghai). */
public final class CourseForms {

    private CourseForms() {}

    public record NewCourse(String titleZh, String titleEn, String description) {}

    public record NewSession(
            String place, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, BigDecimal feeYuan) {}

    /** The trainer's record of one enrolment: {@code ATTENDED} or {@code NO_SHOW}. */
    public record Attendance(EnrolmentState state) {}
}
