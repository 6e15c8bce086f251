package org.stdhub.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StandardRepository extends JpaRepository<Standard, Long> {

    Optional<Standard> findByDesignationKey(String designationKey);

    List<Standard> findByWorkKey(String workKey);

    List<Standard> findByIdIn(Collection<Long> ids);
}
