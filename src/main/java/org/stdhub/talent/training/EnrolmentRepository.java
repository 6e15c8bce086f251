package org.stdhub.talent.training;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.stdhub.talent.EnrolmentState;

public interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    List<Enrolment> findBySessionIdOrderById(long sessionId);

    List<Enrolment> findByPersonIdOrderByIdDesc(long personId);

    List<Enrolment> findBySessionIdAndPersonIdAndStateIn(
            long sessionId, long personId, Collection<EnrolmentState> states);

    long countBySessionIdAndStateIn(long sessionId, Collection<EnrolmentState> states);

    /** The waiting list in order of arrival. */
    List<Enrolment> findBySessionIdAndStateOrderByEnrolledAtAscIdAsc(long sessionId, EnrolmentState state);
}
