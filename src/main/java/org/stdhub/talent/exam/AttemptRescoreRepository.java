package org.stdhub.talent.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptRescoreRepository extends JpaRepository<AttemptRescore, Long> {

    List<AttemptRescore> findByAttemptIdOrderById(long attemptId);
}
