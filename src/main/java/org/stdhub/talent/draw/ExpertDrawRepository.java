package org.stdhub.talent.draw;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertDrawRepository extends JpaRepository<ExpertDraw, Long> {

    List<ExpertDraw> findAllByOrderByIdDesc();
}
