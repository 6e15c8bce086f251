package org.stdhub.development;

import java.time.Instant;

/**
 * An e-mail of the outbox as its sender (the alliance's secretariat) sees it.
 *
 * @param kind what it is about: comment-opened, ballot-opened, reminder-comment, reminder-ballot, reminder-review
 * @param status PENDING (waiting for its next attempt), SENT, or FAILED (given up after the last attempt)
 * @param nextAttemptAt when a pending one is tried (again)
 * @param lastError why the last attempt failed, or null
 */
public record NotificationView(
        long id,
        Long projectId,
        String kind,
        String recipient,
        String status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
