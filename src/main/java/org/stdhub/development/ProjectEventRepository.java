package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectEventRepository extends JpaRepository<ProjectEvent, Long> {

    List<ProjectEvent> findByProjectIdOrderByOccurredAtAscIdAsc(long projectId);
}
