package org.stdhub.compliance.watch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WatchlistRepository extends JpaRepository<Watchlist, Long> {

    @Query("select w from Watchlist w where w.ownerPersonId = :personId or w.ownerOrganizationId in :organizations"
            + " order by w.createdAt, w.id")
    List<Watchlist> visibleTo(long personId, Collection<Long> organizations);

    Optional<Watchlist> findByDefaultOfPersonId(long personId);
}
