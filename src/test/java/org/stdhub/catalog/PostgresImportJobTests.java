package org.stdhub.catalog;

import org.stdhub.PostgresTest;

/**
 * The import job contract ({@link ImportJobContract}) on the real PostgreSQL of this machine: the one-import slot
 * (a unique key), the preview's reads and the resumed import there, in the PostgreSQL tests' shared context.
 */
@PostgresTest
class PostgresImportJobTests extends ImportJobContract {

    @Override
    int series() {
        return 2;
    }
}
