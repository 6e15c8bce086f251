package org.stdhub.talent.training;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionMaterialRepository extends JpaRepository<SessionMaterial, Long> {

    List<SessionMaterial> findBySessionIdOrderById(long sessionId);
}
