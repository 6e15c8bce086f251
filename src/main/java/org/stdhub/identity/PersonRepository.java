package org.stdhub.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
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
