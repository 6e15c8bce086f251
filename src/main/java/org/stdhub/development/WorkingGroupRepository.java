package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkingGroupRepository extends JpaRepository<WorkingGroup, Long> {

    List<WorkingGroup> findByAllianceIdOrderByIdAsc(long allianceId);

    boolean existsByAllianceIdAndNameZh(long allianceId, String nameZh);
}
