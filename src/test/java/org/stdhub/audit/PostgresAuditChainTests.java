package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit chain on the real PostgreSQL of this machine, in a schema of its own that is dropped first.
 * Fails (never skips) when PostgreSQL is not reachable.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresAuditChainTests.SCHEMA,
            "spring.flyway.schemas=" + PostgresAuditChainTests.SCHEMA,
            "stdhub.data-dir=" + PostgresAuditChainTests.DATA_DIR,
            "stdhub.seed.enabled=false"
        })
class PostgresAuditChainTests extends AuditChainContract {

    static final String SCHEMA = "stdhub_audit_test";
    static final String DATA_DIR = "target/test-data/audit-pg";

    @BeforeAll
    static void freshSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void runsOnPostgresql() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(SCHEMA);
    }
}
