package org.stdhub.talent.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExamRepository extends JpaRepository<Exam, Long> {

    List<Exam> findBySessionIdOrderById(long sessionId);

    List<Exam> findAllByOrderByIdDesc();
}
