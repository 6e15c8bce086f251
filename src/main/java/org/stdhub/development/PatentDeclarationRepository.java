package org.stdhub.development;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PatentDeclarationRepository extends JpaRepository<PatentDeclaration, Long> {

    List<PatentDeclaration> findByProjectIdOrderByIdAsc(long projectId);

    boolean existsByProjectIdAndPatentNumber(long projectId, String patentNumber);
}
