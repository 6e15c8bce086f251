package org.stdhub.verification.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TestRecordRepository extends JpaRepository<TestRecord, Long> {

    List<TestRecord> findByClauseIdInOrderByIdAsc(Collection<Long> clauseIds);

    List<TestRecord> findByClauseIdOrderByIdAsc(long clauseId);
}
