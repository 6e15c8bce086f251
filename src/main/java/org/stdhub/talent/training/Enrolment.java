package org.stdhub.talent.training;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.stdhub.talent.EnrolmentState;

/** A person's place (or place on the waiting list) in a session; moved only through {@link #move}. */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "person_name", nullable = false)
    private String personName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentState state;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "fee_paid_yuan")
    private BigDecimal feePaidYuan;

    @Column(name = "fee_paid_on")
    private LocalDate feePaidOn;

    @Column(name = "fee_receipt")
    private String feeReceipt;

    @Version
    private int version;

    protected Enrolment() {}

    public Enrolment(long sessionId, long personId, String personName, EnrolmentState state, Instant now) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.personName = personName;
        this.state = state;
        this.enrolledAt = now;
        this.changedAt = now;
    }

    /** Moves to {@code to}; the caller has checked the transition. */
    public void move(EnrolmentState to, Instant now) {
        this.state = to;
        this.changedAt = now;
    }

    /** Records the fee paid (the caller has checked the values); a later record replaces the earlier one. */
    public void recordFee(BigDecimal paidYuan, LocalDate paidOn, String receipt, Instant now) {
        this.feePaidYuan = paidYuan;
        this.feePaidOn = paidOn;
        this.feeReceipt = receipt;
        this.changedAt = now;
    }

    public BigDecimal getFeePaidYuan() {
        return feePaidYuan;
    }

    public LocalDate getFeePaidOn() {
        return feePaidOn;
    }

    public String getFeeReceipt() {
        return feeReceipt;
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }

    public EnrolmentState getState() {
        return state;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }
}
