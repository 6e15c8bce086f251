package org.stdhub.verification.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskClauseRepository extends JpaRepository<TaskClause, Long> {

    List<TaskClause> findByTaskIdOrderByIdAsc(long taskId);
}
