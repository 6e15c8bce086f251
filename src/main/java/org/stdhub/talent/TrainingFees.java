package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.training.CourseSession;
import org.stdhub.talent.training.Enrolment;
import org.stdhub.talent.training.EnrolmentRepository;

/**
 * Training fees as recorded, not processed: the session's trainer or the base office writes down what a person paid
 * for their place (amount, day, receipt or invoice number). A later record corrects an earlier one; each is audited
 * on the enrolment ({@code fee-recorded}).
 */
@Service
@Transactional
public class TrainingFees {

    private final EnrolmentRepository enrolments;
    private final Courses courses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingFees(EnrolmentRepository enrolments, Courses courses, ApplicationEventPublisher events, Clock clock) {
        this.enrolments = enrolments;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    /** Records the fee paid for an enrolment (not a cancelled one). */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')")
    public EnrolmentView record(long enrolmentId, CourseForms.FeePaid f) {
        Enrolment e =
                enrolments.findById(enrolmentId).orElseThrow(() -> new NotFoundException("talent.error.no-enrolment"));
        CourseSession s = courses.sessionOf(e.getSessionId());
        if (!Courses.mayManage(s, Viewer.current())) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        var errors = new InvalidInputException.Collector();
        BigDecimal paid = f == null ? null : f.paidYuan();
        errors.check(
                paid != null && paid.signum() >= 0 && paid.scale() <= 2 && paid.precision() <= 12,
                "paidYuan",
                "talent.error.fee");
        LocalDate on = f == null ? null : f.paidOn();
        errors.check(
                on != null && !on.isAfter(LocalDate.now(clock.withZone(Courses.ZONE))),
                "paidOn",
                "talent.error.fee-date");
        String receipt = f == null || f.receipt() == null || f.receipt().isBlank()
                ? null
                : f.receipt().strip();
        errors.check(receipt == null || receipt.length() <= 100, "receipt", "talent.error.too-long");
        errors.throwIfAny();
        if (e.getState() == EnrolmentState.CANCELLED) {
            throw new ConflictException("talent.error.fee-cancelled");
        }
        BigDecimal before = e.getFeePaidYuan();
        e.recordFee(paid.setScale(2), on, receipt, clock.instant());
        enrolments.flush();
        events.publishEvent(StateChanged.of(Courses.ENROLMENT_AUDIT, e.getId(), "fee-recorded")
                .withChange(
                        "feePaidYuan",
                        before == null ? null : before.toPlainString(),
                        paid.setScale(2).toPlainString())
                .withChange("feePaidOn", null, on)
                .withChange("feeReceipt", null, receipt));
        return Courses.view(e);
    }
}
