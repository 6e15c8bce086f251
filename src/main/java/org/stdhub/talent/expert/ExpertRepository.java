package org.stdhub.talent.expert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.stdhub.talent.ExpertStatus;

public interface ExpertRepository extends JpaRepository<Expert, Long>, JpaSpecificationExecutor<Expert> {

    Optional<Expert> findByPersonId(long personId);

    boolean existsByPersonId(long personId);

    boolean existsByNameStartingWith(String prefix);

    @EntityGraph(attributePaths = {"employments"})
    List<Expert> findByStatusOrderById(ExpertStatus status);
}
