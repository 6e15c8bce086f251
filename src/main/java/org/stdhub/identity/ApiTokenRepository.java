package org.stdhub.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    @Query("select t from ApiToken t join fetch t.person where t.tokenHash = ?1")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    @Query("select t from ApiToken t where t.person.id = ?1 order by t.createdAt desc")
    List<ApiToken> findByPerson(Long personId);
}
