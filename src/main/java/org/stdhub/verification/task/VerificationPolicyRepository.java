package org.stdhub.verification.task;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VerificationPolicyRepository extends JpaRepository<VerificationPolicy, Long> {}
