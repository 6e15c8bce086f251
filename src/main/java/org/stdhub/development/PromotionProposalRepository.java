package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromotionProposalRepository extends JpaRepository<PromotionProposal, Long> {

    List<PromotionProposal> findByProjectIdOrderByIdAsc(long projectId);
}
