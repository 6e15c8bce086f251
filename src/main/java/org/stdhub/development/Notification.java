package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One e-mail of the development module in its outbox: to whom, about what (message keys and arguments), and how its
 * delivery went — pending until sent, retried with back-off after a failure, failed for good after {@value
 * #MAX_ATTEMPTS} attempts; the last error is kept either way.
 */
@Entity
@Table(name = "notification")
class Notification {

    static final int MAX_ATTEMPTS = 6;

    /** Waits between attempts: 1 min, 5 min, 30 min, 2 h, 12 h. */
    private static final List<Duration> BACK_OFF = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(12));

    private static final String SEPARATOR = "\u001f";

    enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", updatable = false)
    private Long projectId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String occasion;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @Column(name = "recipient_email", nullable = false, updatable = false)
    private String recipientEmail;

    @Column(name = "subject_key", nullable = false, updatable = false)
    private String subjectKey;

    @Column(name = "body_key", nullable = false, updatable = false)
    private String bodyKey;

    @Column(nullable = false, updatable = false)
    private String args;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Notification() {}

    Notification(
            Long projectId,
            String kind,
            String occasion,
            long recipientId,
            String recipientEmail,
            List<String> args,
            Instant now) {
        this.projectId = projectId;
        this.kind = kind;
        this.occasion = occasion;
        this.recipientId = recipientId;
        this.recipientEmail = recipientEmail;
        this.subjectKey = "development.mail." + kind + ".subject";
        this.bodyKey = "development.mail." + kind + ".body";
        String joined = String.join(SEPARATOR, args);
        this.args = joined.length() > 4000 ? joined.substring(0, 4000) : joined;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sent(Instant now) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant now) {
        attempts++;
        String e = error == null ? "unknown error" : error;
        lastError = e.length() > 1000 ? e.substring(0, 1000) : e;
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(BACK_OFF.get(Math.min(attempts, BACK_OFF.size()) - 1));
        }
    }

    Object[] arguments() {
        return args.isEmpty() ? new Object[0] : args.split(SEPARATOR, -1);
    }

    Long getId() {
        return id;
    }

    String getRecipientEmail() {
        return recipientEmail;
    }

    String getSubjectKey() {
        return subjectKey;
    }

    String getBodyKey() {
        return bodyKey;
    }

    Status getStatus() {
        return status;
    }

    NotificationView view(String recipientName) {
        return new NotificationView(
                id == null ? 0 : id,
                projectId,
                kind,
                recipientName,
                status.name(),
                attempts,
                status == Status.PENDING ? nextAttemptAt : null,
                lastError,
                createdAt,
                sentAt);
    }

    long getRecipientId() {
        return recipientId;
    }
}
