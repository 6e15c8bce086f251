package org.stdhub.talent;

import java.time.LocalDate;

/** A certificate was issued to a person. */
public record CertificateIssued(String number, long personId, String titleZh, LocalDate issuedOn) {}
