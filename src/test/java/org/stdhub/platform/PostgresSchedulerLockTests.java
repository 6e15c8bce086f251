package org.stdhub.platform;

import org.stdhub.PostgresTest;

/** The scheduled jobs' lock on the real PostgreSQL of this machine, in the PostgreSQL tests' shared context. */
@PostgresTest
class PostgresSchedulerLockTests extends SchedulerLockContract {

    @Override
    String lockName() {
        return "test.postgres-lock";
    }
}
