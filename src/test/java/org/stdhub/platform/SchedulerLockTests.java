package org.stdhub.platform;

import org.stdhub.identity.IdentityTest;

/** The scheduled jobs' lock on the embedded default (H2 in PostgreSQL mode). */
@IdentityTest
class SchedulerLockTests extends SchedulerLockContract {

    @Override
    String lockName() {
        return "test.h2-lock";
    }
}
