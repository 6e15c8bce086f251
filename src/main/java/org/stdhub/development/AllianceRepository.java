package org.stdhub.development;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AllianceRepository extends JpaRepository<Alliance, Long> {

    Optional<Alliance> findByGroupCode(String groupCode);

    Optional<Alliance> findByOrganizationId(long organizationId);

    List<Alliance> findAllByOrderByGroupCodeAsc();
}
