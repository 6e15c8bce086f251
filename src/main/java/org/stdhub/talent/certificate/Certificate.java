package org.stdhub.talent.certificate;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A certificate issued to a person; revoked (never deleted) with a reason. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "holder_name", nullable = false)
    private String holderName;

    @Column(name = "title_zh", nullable = false)
    private String titleZh;

    @Column(name = "title_en")
    private String titleEn;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "issued_by_person_id")
    private Long issuedByPersonId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Certificate() {}

    public Certificate(
            String number,
            long personId,
            String holderName,
            String titleZh,
            String titleEn,
            LocalDate issuedOn,
            LocalDate validUntil,
            Long issuedByPersonId,
            Instant now) {
        this.number = number;
        this.personId = personId;
        this.holderName = holderName;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.issuedOn = issuedOn;
        this.validUntil = validUntil;
        this.issuedByPersonId = issuedByPersonId;
        this.createdAt = now;
    }

    /** Revokes the certificate; refuses a second revocation. */
    public void revoke(String reason, Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("certificate " + number + " is already revoked");
        }
        this.revokedAt = now;
        this.revocationReason = reason;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getPersonId() {
        return personId;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevocationReason() {
        return revocationReason;
    }
}
