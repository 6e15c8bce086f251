package org.stdhub.talent.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionRepository extends JpaRepository<Question, Long> {

    List<Question> findByBankIdOrderById(long bankId);
}
