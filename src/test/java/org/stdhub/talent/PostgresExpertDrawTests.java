package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.stdhub.PostgresTest;

/**
 * The expert draw contract ({@link ExpertDrawContract}) on the real PostgreSQL of this machine: the talent
 * migrations (V20, V21), the draw's tables and the audit of each step there.
 */
@PostgresTest
class PostgresExpertDrawTests extends ExpertDrawContract {

    @Test
    void runsOnPostgresql() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(PostgresTest.SCHEMA);
    }
}
