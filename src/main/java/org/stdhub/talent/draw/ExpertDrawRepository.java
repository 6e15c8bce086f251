package org.stdhub.talent.draw;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExpertDrawRepository extends JpaRepository<ExpertDraw, Long> {

    List<ExpertDraw> findAllByOrderByIdDesc();

    /** Every place an expert was drawn to (member or reserve), latest draw first. */
    @Query("select p from DrawPosition p join fetch p.draw d where p.expertId = :expertId order by d.id desc")
    List<DrawPosition> positionsOf(@Param("expertId") long expertId);
}
