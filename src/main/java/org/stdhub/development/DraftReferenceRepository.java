package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftReferenceRepository extends JpaRepository<DraftReference, Long> {

    List<DraftReference> findByDraftIdOrderByIdAsc(long draftId);
}
