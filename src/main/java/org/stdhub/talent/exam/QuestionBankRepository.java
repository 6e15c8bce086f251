package org.stdhub.talent.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionBankRepository extends JpaRepository<QuestionBank, Long> {

    List<QuestionBank> findByOwnerPersonIdOrderByIdDesc(long ownerPersonId);

    List<QuestionBank> findAllByOrderByIdDesc();
}
