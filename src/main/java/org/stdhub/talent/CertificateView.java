package org.stdhub.talent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate as its public verification shows it: who holds it, for what, since when, and whether it is valid,
 * expired or revoked (with the reason).
 */
public record CertificateView(
        String number,
        String holderName,
        String titleZh,
        String titleEn,
        LocalDate issuedOn,
        LocalDate validUntil,
        Status status,
        Instant revokedAt,
        String revocationReason) {

    /** Whether the certificate holds today. */
    public enum Status {
        VALID,
        EXPIRED,
        REVOKED;

        public String messageKey() {
            return "talent.certificate.status." + name();
        }
    }
}
