package org.stdhub.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * An audit test on embedded H2 without the catalog seed (fast). All such tests share one application
 * context and one data directory, which {@link TestData#freshOnce} empties once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"stdhub.data-dir=" + AuditH2Test.DATA_DIR, "stdhub.seed.enabled=false"})
@interface AuditH2Test {

    String DATA_DIR = "target/test-data/audit-h2";
}
