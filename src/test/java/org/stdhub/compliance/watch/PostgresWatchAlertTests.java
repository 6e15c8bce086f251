package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.stdhub.PostgresTest;

/**
 * The alert contract ({@link WatchAlertContract}) on the real PostgreSQL of this machine (profile {@code postgres},
 * the small test seed): compliance's SQL (arrays, {@code on conflict}, the catalog's recursive chains) and the event
 * publication registry there, in the PostgreSQL tests' shared context ({@link PostgresTest}).
 */
@PostgresTest
class PostgresWatchAlertTests extends WatchAlertContract {

    @Test
    void runsOnPostgresql() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(PostgresTest.SCHEMA);
    }
}
