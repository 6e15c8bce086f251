package org.stdhub.verification.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VerificationTaskRepository extends JpaRepository<VerificationTask, Long> {

    List<VerificationTask> findAllByOrderByIdDesc();

    List<VerificationTask> findByProjectIdOrderByIdAsc(long projectId);

    List<VerificationTask> findByStateInOrderByDueDateAsc(Collection<TaskState> states);

    @Query("select count(t) from VerificationTask t join t.labIds l where l = ?1 and t.state in"
            + " (org.stdhub.verification.task.TaskState.PLANNED, org.stdhub.verification.task.TaskState.IN_PROGRESS)")
    int countOpenForLab(long labId);
}
