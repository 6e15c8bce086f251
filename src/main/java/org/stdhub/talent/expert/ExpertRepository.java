package org.stdhub.talent.expert;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.stdhub.talent.ExpertStatus;

public interface ExpertRepository extends JpaRepository<Expert, Long>, JpaSpecificationExecutor<Expert> {

    Optional<Expert> findByPersonId(long personId);

    boolean existsByPersonId(long personId);

    boolean existsByNameStartingWith(String prefix);

    /** The expert, its row locked until the transaction ends (one change of its periods at a time). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Expert e where e.id = :id")
    Optional<Expert> lockById(@Param("id") long id);

    @EntityGraph(attributePaths = {"employments"})
    List<Expert> findByStatusOrderById(ExpertStatus status);
}
