package org.stdhub.development;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BallotRepository extends JpaRepository<Ballot, Long> {

    List<Ballot> findByProjectIdOrderByIdAsc(long projectId);

    List<Ballot> findByClosedAtIsNullAndClosesAtLessThanEqual(Instant now);

    List<Ballot> findByClosedAtIsNullOrderByClosesAtAsc();
}
