package org.stdhub.consulting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enquiry was received, answered or withdrawn: the enterprise that asked ({@code organizationId}), where it stands
 * now, when it was asked, its service-level deadline and, once answered, when and whether within the deadline. {@code at} orders the steps of one enquiry; readers keep
 * the latest, so a replayed step changes nothing.
 */
public record EnquiryProgressed(
        long enquiryId,
        long organizationId,
        EnquiryState state,
        String fieldScheme,
        String fieldCode,
        Instant submittedAt,
        LocalDate dueOn,
        Instant answeredAt,
        Boolean withinDeadline,
        boolean demo,
        Instant at) {

    /** Where {@code e} stands at {@code at}; answered within the deadline when answered on or before its due day. */
    static EnquiryProgressed of(EnquiryView e, java.time.ZoneId zone, Instant at) {
        Boolean within = e.answeredAt() == null
                ? null
                : !LocalDate.ofInstant(e.answeredAt(), zone).isAfter(e.dueOn());
        return new EnquiryProgressed(
                e.id(),
                e.organizationId(),
                e.state(),
                e.fieldScheme(),
                e.fieldCode(),
                e.submittedAt(),
                e.dueOn(),
                e.answeredAt(),
                within,
                e.demo(),
                at);
    }
}
