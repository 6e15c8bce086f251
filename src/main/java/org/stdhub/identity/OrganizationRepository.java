package org.stdhub.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {
    Optional<Organization> findByCreditCode(String creditCode);

    List<Organization> findAllByOrderByStatusAscNameZhAsc();

    List<Organization> findByKind(OrganizationKind kind);
}
