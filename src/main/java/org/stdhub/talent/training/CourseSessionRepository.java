package org.stdhub.talent.training;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CourseSessionRepository extends JpaRepository<CourseSession, Long> {

    List<CourseSession> findByCourseIdOrderByStartsAt(long courseId);

    List<CourseSession> findByStartsAtBetweenOrderByStartsAt(Instant from, Instant to);

    List<CourseSession> findAllByOrderByStartsAt();

    /** The session, locked: enrolments and cancellations of one session are counted one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CourseSession s where s.id = ?1")
    Optional<CourseSession> lockById(long id);
}
