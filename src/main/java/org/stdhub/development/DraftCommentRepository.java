package org.stdhub.development;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftCommentRepository extends JpaRepository<DraftComment, Long> {

    List<DraftComment> findByProjectIdOrderBySeqAsc(long projectId);

    int countByProjectIdAndDispositionIsNull(long projectId);

    int countByProjectId(long projectId);

    Optional<DraftComment> findByProjectIdAndSeq(long projectId, int seq);
}
