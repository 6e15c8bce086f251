package org.stdhub.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of accounts, security and their pages on H2 without the catalog seed (fast), with mail going to a
 * GreenMail server on port 3025 started by the test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "stdhub.data-dir=target/test-data/identity-h2",
            "stdhub.seed.enabled=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025",
            "stdhub.admin.login=root",
            "stdhub.admin.password=Adm1n-Test-Only!"
        })
public @interface IdentityTest {}
