package org.stdhub.talent.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExamAttemptRepository extends JpaRepository<ExamAttempt, Long> {

    List<ExamAttempt> findByExamIdAndEnrolmentIdOrderById(long examId, long enrolmentId);

    List<ExamAttempt> findByPersonIdOrderByIdDesc(long personId);

    List<ExamAttempt> findByExamIdOrderById(long examId);
}
