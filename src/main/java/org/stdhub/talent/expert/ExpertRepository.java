package org.stdhub.talent.expert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.stdhub.talent.ExpertStatus;

public interface ExpertRepository extends JpaRepository<Expert, Long> {

    Optional<Expert> findByPersonId(long personId);

    boolean existsByPersonId(long personId);

    boolean existsByNameStartingWith(String prefix);

    @EntityGraph(attributePaths = {"employments"})
    List<Expert> findByStatusOrderById(ExpertStatus status);

    @Query("select e from Expert e where (:status is null or e.status = :status)"
            + " and (:text is null or lower(e.name) like :text or lower(e.keywords) like :text"
            + " or lower(e.icsCodes) like :text or lower(e.ccsCodes) like :text)"
            + " and (:region is null or lower(e.region) like :region) order by e.id")
    List<Expert> search(
            @Param("status") ExpertStatus status, @Param("text") String text, @Param("region") String region);
}
