package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftVersionRepository extends JpaRepository<DraftVersion, Long> {

    List<DraftVersion> findByProjectIdOrderByVersionNoAsc(long projectId);

    int countByProjectId(long projectId);
}
