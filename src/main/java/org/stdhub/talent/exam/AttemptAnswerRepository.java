package org.stdhub.talent.exam;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptAnswerRepository extends JpaRepository<AttemptAnswer, Long> {

    List<AttemptAnswer> findByAttemptId(long attemptId);

    Optional<AttemptAnswer> findByAttemptIdAndQuestionId(long attemptId, long questionId);
}
