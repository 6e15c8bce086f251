package org.stdhub.talent.certificate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByNumber(String number);

    boolean existsByNumber(String number);

    List<Certificate> findByPersonIdOrderByIssuedOnDesc(long personId);

    List<Certificate> findTop200ByOrderByIdDesc();
}
