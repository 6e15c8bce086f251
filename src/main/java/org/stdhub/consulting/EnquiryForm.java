package org.stdhub.consulting;

/**
 * A new enquiry of an enterprise.
 *
 * @param fieldScheme {@code ICS} or {@code CCS}
 * @param fieldCode the class it is about, e.g. {@code 91.140.65} or {@code Y62}
 */
public record EnquiryForm(Long organizationId, String subject, String question, String fieldScheme, String fieldCode) {}
