package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The alert contract ({@link WatchAlertContract}) on the real PostgreSQL of this machine (profile {@code postgres},
 * the small test seed): compliance's SQL (arrays, {@code on conflict}, the catalog's recursive chains) and the event
 * publication registry there. Runs in a schema of its own, dropped first, and a data directory of its own; fails (never
 * skips) when PostgreSQL is not reachable.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresWatchAlertTests.SCHEMA,
            "spring.flyway.schemas=" + PostgresWatchAlertTests.SCHEMA,
            "stdhub.data-dir=" + PostgresWatchAlertTests.DATA_DIR,
            "stdhub.seed.location=classpath:seed-test/"
        })
class PostgresWatchAlertTests extends WatchAlertContract {

    static final String SCHEMA = "stdhub_test_compliance";
    static final String DATA_DIR = "target/test-data/compliance-pg";

    static {
        // before the application context starts: the contract's instance lives per class, so its context comes up
        // before any @BeforeAll runs
        try {
            freshSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test schema could not be emptied", e);
        }
    }

    /** Drops the schema; the data directory (the Lucene index) is new, as every run starts on an empty one. */
    private static void freshSchema() throws SQLException {
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
