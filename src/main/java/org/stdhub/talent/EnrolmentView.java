package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One enrolment: whose, in which session, where it stands, and the fee recorded as paid (amount in yuan, day and
 * receipt number; all null until recorded).
 */
public record EnrolmentView(
        long id,
        long sessionId,
        long personId,
        String personName,
        EnrolmentState state,
        Instant enrolledAt,
        BigDecimal feePaidYuan,
        LocalDate feePaidOn,
        String feeReceipt) {}
