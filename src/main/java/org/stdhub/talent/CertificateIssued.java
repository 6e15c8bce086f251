package org.stdhub.talent;

import java.time.LocalDate;

/**
 * A certificate was issued to a person; {@code courseId} and {@code courseTitleZh} name the course whose exam it was
 * earned by, or are null for a certificate issued by hand.
 */
public record CertificateIssued(
        String number, long personId, String titleZh, LocalDate issuedOn, Long courseId, String courseTitleZh) {

    /** A certificate not tied to a course (the form of the event before courses were named in it). */
    public CertificateIssued(String number, long personId, String titleZh, LocalDate issuedOn) {
        this(number, personId, titleZh, issuedOn, null, null);
    }
}
