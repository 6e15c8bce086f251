package org.stdhub.consulting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enquiry as its enterprise, its assignee and the base office see it.
 *
 * @param fieldScheme {@code ICS} or {@code CCS}
 * @param dueOn the service-level deadline (working days after it was submitted)
 * @param overdue open and past its deadline
 * @param references catalog standards the answer cites (normalized designations)
 */
public record EnquiryView(
        long id,
        long organizationId,
        String organizationName,
        String askerName,
        String subject,
        String question,
        String fieldScheme,
        String fieldCode,
        EnquiryState state,
        Long assigneePersonId,
        String assigneeName,
        Instant submittedAt,
        LocalDate dueOn,
        boolean overdue,
        String answer,
        List<String> references,
        Instant answeredAt,
        Integer rating,
        String ratingComment,
        boolean demo,
        List<Attachment> attachments) {

    /** An attached file (its content at {@code /enquiries/{id}/attachments/{attachmentId}}). */
    public record Attachment(long id, String fileName, String mediaType, long size) {}

    /** What the viewer may do with it now. */
    public record Actions(boolean assign, boolean answer, boolean rate, boolean withdraw, boolean publishFaq) {}
}
