package org.stdhub.identity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmailTokenRepository extends JpaRepository<EmailToken, Long> {
    @Query("select t from EmailToken t join fetch t.person where t.tokenHash = ?1")
    Optional<EmailToken> findByTokenHash(String tokenHash);

    /** Marks every unused token of the person for that purpose as used: none of their links works any more. */
    @Modifying(flushAutomatically = true)
    @Query("update EmailToken t set t.usedAt = ?3 where t.person.id = ?1 and t.purpose = ?2 and t.usedAt is null")
    int withdraw(Long personId, EmailToken.Purpose purpose, Instant now);
}
