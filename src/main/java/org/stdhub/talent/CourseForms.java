package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** What trainers and trainees write about courses. Times are local (Asia/Shanghai). */
public final class CourseForms {

    private CourseForms() {}

    public record NewCourse(String titleZh, String titleEn, String description) {}

    public record NewSession(
            String place, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, BigDecimal feeYuan) {}

    /** The fee a person paid for their place: amount in yuan, the day, and the receipt or invoice number. */
    public record FeePaid(
            BigDecimal paidYuan,

            @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate paidOn,

            String receipt) {}

    /** The trainer's record of one enrolment: {@code ATTENDED} or {@code NO_SHOW}. */
    public record Attendance(EnrolmentState state) {}
}
