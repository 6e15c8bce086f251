package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.stdhub.PostgresTest;

/**
 * The audit chain on the real PostgreSQL of this machine, in the PostgreSQL tests' shared context ({@link
 * PostgresTest}).
 */
@PostgresTest
class PostgresAuditChainTests extends AuditChainContract {

    @Test
    void runsOnPostgresql() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(PostgresTest.SCHEMA);
    }
}
