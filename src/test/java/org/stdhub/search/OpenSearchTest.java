package org.stdhub.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the {@code cluster} profile: PostgreSQL (schema {@value #SCHEMA}, dropped as the context starts) and the
 * catalog index on a real OpenSearch node ({@link OpenSearchNode#single}, {@value #NODE}), seeded with {@link
 * #SEED_SAMPLE}: a few hundred real records from the shipped test seed. All such tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("cluster")
@ContextConfiguration(initializers = OpenSearchTest.Setup.class)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + OpenSearchTest.SCHEMA,
            "spring.flyway.schemas=" + OpenSearchTest.SCHEMA,
            "stdhub.data-dir=target/test-data/opensearch-app",
            "stdhub.seed.location=file:" + OpenSearchTest.SEED_SAMPLE + "/",
            "stdhub.seed.overlays=",
            "stdhub.development.deadline-cron=-",
            "stdhub.consulting.reminder-cron=-",
            "stdhub.demo.enabled=false"
        })
public @interface OpenSearchTest {

    String SCHEMA = "stdhub_opensearch";

    /** The node of these tests. */
    String NODE = "search-tests";

    /** Where {@link Setup} writes the seed sample (under the test data that each run starts without). */
    String SEED_SAMPLE = "target/test-data/opensearch-seed";

    /** Records taken from the start of each test seed file: medical devices, energy, GB fixtures, ISO, IEC. */
    Map<String, Integer> SAMPLE = Map.of(
            "cn_energy_building_misc.jsonl.gz", 200,
            "cn_nmpa_medical_devices.jsonl.gz", 250,
            "cn_relaton_gb_fixtures.jsonl.gz", 10,
            "intl_iec_sample.jsonl", 100,
            "intl_iso_sample.jsonl", 100);

    /** Drops {@link #SCHEMA}, starts the node, writes the seed sample, and points the backend at the node. */
    class Setup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test schema " + SCHEMA + " could not be dropped", e);
            }
            writeSeedSample(Path.of(SEED_SAMPLE));
            TestPropertyValues.of("spring.jpa.properties.hibernate.search.backend.hosts="
                            + OpenSearchNode.single(NODE).hostAndPort())
                    .applyTo(context);
        }

        /** Writes the first records of each test seed file ({@link #SAMPLE}) to {@code dir}, one JSON line each. */
        static void writeSeedSample(Path dir) {
            try {
                Files.createDirectories(dir);
                for (Map.Entry<String, Integer> file : SAMPLE.entrySet()) {
                    try (InputStream raw = OpenSearchTest.class.getResourceAsStream("/seed-test/" + file.getKey())) {
                        if (raw == null) {
                            throw new IllegalStateException("no test seed file " + file.getKey());
                        }
                        InputStream in = file.getKey().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                        List<String> lines = new ArrayList<>();
                        String line;
                        while (lines.size() < file.getValue() && (line = reader.readLine()) != null) {
                            lines.add(line);
                        }
                        Files.write(dir.resolve(file.getKey().replace(".gz", "")), lines, StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
