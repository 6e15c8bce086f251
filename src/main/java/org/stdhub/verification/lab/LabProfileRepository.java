package org.stdhub.verification.lab;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LabProfileRepository extends JpaRepository<LabProfile, Long> {

    List<LabProfile> findAllByOrderByOrganizationIdAsc();
}
