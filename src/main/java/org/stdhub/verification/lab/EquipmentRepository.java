package org.stdhub.verification.lab;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EquipmentRepository extends JpaRepository<Equipment, Long> {

    List<Equipment> findByLabIdOrderByNameAscIdAsc(long labId);

    boolean existsByLabIdAndSerialNo(long labId, String serialNo);
}
