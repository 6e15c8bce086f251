package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

    List<Project> findByAllianceIdOrderByIdAsc(long allianceId);

    List<Project> findByStageInOrderByCommentClosesAtAsc(List<String> stages);
}
