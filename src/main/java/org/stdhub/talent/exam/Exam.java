package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.time.Instant;

/** An exam of a session: the bank its papers are drawn from, the blueprint, the time allowed and the pass mark. */
@Entity
@Table(name = "exam")
public class Exam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "bank_id", nullable = false, updatable = false)
    private long bankId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String blueprint;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "pass_mark", nullable = false)
    private int passMark;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "certificate_title")
    private String certificateTitle;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Exam() {}

    public Exam(
            long sessionId,
            long bankId,
            String title,
            String blueprint,
            int durationMinutes,
            int passMark,
            int maxAttempts,
            String certificateTitle,
            Instant now) {
        this.sessionId = sessionId;
        this.bankId = bankId;
        this.title = title;
        this.blueprint = blueprint;
        this.durationMinutes = durationMinutes;
        this.passMark = passMark;
        this.maxAttempts = maxAttempts;
        this.certificateTitle = certificateTitle;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getBankId() {
        return bankId;
    }

    public String getTitle() {
        return title;
    }

    public String getBlueprint() {
        return blueprint;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getPassMark() {
        return passMark;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public String getCertificateTitle() {
        return certificateTitle;
    }
}
