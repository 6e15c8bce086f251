package org.stdhub.development;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AllianceRulesRepository extends JpaRepository<AllianceRules, Long> {

    Optional<AllianceRules> findFirstByAllianceIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(
            long allianceId, LocalDate day);

    Optional<AllianceRules> findByAllianceIdAndEffectiveFrom(long allianceId, LocalDate day);

    List<AllianceRules> findByAllianceIdOrderByEffectiveFromAsc(long allianceId);
}
