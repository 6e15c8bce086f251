package org.stdhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the running platform on embedded H2 + Lucene with the whole shipped catalog loaded
 * (83,855 standards). All such tests share one application context and one data directory, so the
 * seed import and indexing happen once per build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "stdhub.data-dir=target/test-data/h2",
            "stdhub.development.deadline-cron=-",
            "stdhub.consulting.reminder-cron=-",
            "stdhub.demo.enabled=false"
        })
public @interface CatalogTest {}
