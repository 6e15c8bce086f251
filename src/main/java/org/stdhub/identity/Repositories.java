package org.stdhub.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {
    Optional<Person> findByLoginIgnoreCase(String login);

    Optional<Person> findByEmailIgnoreCase(String email);

    boolean existsByLoginIgnoreCase(String login);

    boolean existsByEmailIgnoreCase(String email);

    List<Person> findAllByOrderByLoginAsc();

    @Query("select p.securityVersion from Person p where p.id = ?1")
    Optional<Integer> findSecurityVersion(Long id);
}

interface OrganizationRepository extends JpaRepository<Organization, Long> {
    Optional<Organization> findByCreditCode(String creditCode);

    List<Organization> findAllByOrderByStatusAscNameZhAsc();

    List<Organization> findByKind(OrganizationKind kind);
}

interface MembershipRepository extends JpaRepository<Membership, Long> {
    @Query("select m from Membership m join fetch m.organization join fetch m.person where m.person.id = ?1"
            + " order by m.validFrom")
    List<Membership> findByPerson(Long personId);

    @Query("select m from Membership m join fetch m.organization join fetch m.person where m.id = ?1")
    Optional<Membership> findWithPersonById(Long id);

    @Query("select m from Membership m join fetch m.person where m.organization.id = ?1 order by m.validFrom")
    List<Membership> findByOrganization(Long organizationId);

    @Query("select count(m) > 0 from Membership m where m.role = ?1")
    boolean existsWithRole(Role role);

    /** People other than {@code personId} who hold {@code role} on {@code day} (in a given person and organization state). */
    @Query("select count(distinct m.person.id) from Membership m where m.role = ?1 and m.endedAt is null"
            + " and m.validFrom <= ?2 and (m.validTo is null or m.validTo >= ?2) and m.person.id <> ?3"
            + " and m.person.status = ?4 and m.organization.status = ?5")
    long countOtherHolders(
            Role role, java.time.LocalDate day, long personId, Person.Status active, Organization.Status approved);
}

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    @Query("select t from ApiToken t join fetch t.person where t.tokenHash = ?1")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    @Query("select t from ApiToken t where t.person.id = ?1 order by t.createdAt desc")
    List<ApiToken> findByPerson(Long personId);
}

interface EmailTokenRepository extends JpaRepository<EmailToken, Long> {
    @Query("select t from EmailToken t join fetch t.person where t.tokenHash = ?1")
    Optional<EmailToken> findByTokenHash(String tokenHash);

    /** Marks every unused token of the person for that purpose as used: none of their links works any more. */
    @Modifying(flushAutomatically = true)
    @Query("update EmailToken t set t.usedAt = ?3 where t.person.id = ?1 and t.purpose = ?2 and t.usedAt is null")
    int withdraw(Long personId, EmailToken.Purpose purpose, Instant now);
}
