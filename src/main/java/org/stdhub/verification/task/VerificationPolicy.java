package org.stdhub.verification.task;

import jakarta.persistence.*;
import java.time.Instant;

/** An alliance's rule: whether technical review needs a completed verification report. */
@Entity
@Table(name = "verification_policy")
public class VerificationPolicy {

    @Id
    @Column(name = "alliance_id")
    private Long allianceId;

    @Column(name = "report_required_for_review", nullable = false)
    private boolean reportRequiredForReview;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected VerificationPolicy() {}

    public VerificationPolicy(long allianceId) {
        this.allianceId = allianceId;
    }

    public void set(boolean required, Long by, Instant now) {
        this.reportRequiredForReview = required;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Long getAllianceId() {
        return allianceId;
    }

    public boolean isReportRequiredForReview() {
        return reportRequiredForReview;
    }
}
