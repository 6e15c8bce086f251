package org.stdhub.development;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BallotVoteRepository extends JpaRepository<BallotVote, Long> {

    Optional<BallotVote> findByBallotIdAndPersonId(long ballotId, long personId);

    List<BallotVote> findByBallotId(long ballotId);
}
