package org.stdhub.development;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByProjectIdOrderByIdDesc(long projectId);

    List<Notification> findTop200ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
            Notification.Status status, Instant now);

    boolean existsByOccasionAndRecipientId(String occasion, long recipientId);
}
