package org.stdhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the real PostgreSQL of this machine (profile {@code postgres}) with the small test seed. All such
 * tests share one application context, in schema {@value #SCHEMA}, which is dropped as that context starts (never
 * while it runs), and a data directory of its own. Fails (never skips) when PostgreSQL is not reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresTest.FreshSchema.class)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + PostgresTest.SCHEMA,
            "spring.flyway.schemas=" + PostgresTest.SCHEMA,
            "stdhub.data-dir=target/test-data/pg",
            "stdhub.seed.location=classpath:seed-test/",
            "stdhub.seed.overlays=",
            "stdhub.development.deadline-cron=-",
            "stdhub.consulting.reminder-cron=-",
            "stdhub.demo.enabled=false"
        })
public @interface PostgresTest {

    String SCHEMA = "stdhub_test";

    /** Drops {@link #SCHEMA} before the context's data source and migrations touch it. */
    class FreshSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test schema " + SCHEMA + " could not be dropped", e);
            }
        }
    }
}
