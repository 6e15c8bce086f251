package org.stdhub.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

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
    long countOtherHolders(Role role, LocalDate day, long personId, Person.Status active, Organization.Status approved);
}
