package org.stdhub.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared context of the tests that need no catalog seed (fast): accounts, security and their pages, the audit
 * trail, watch mail and the command-line tools, on H2, with mail going to a GreenMail server on port 3025 started by
 * the test class. Every class with this annotation reuses one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "stdhub.data-dir=target/test-data/identity-h2",
            "stdhub.seed.enabled=false",
            "stdhub.demo.enabled=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025",
            "stdhub.admin.login=root",
            "stdhub.admin.password=Adm1n-Test-Only!",
            // development tests close ballots and comment periods themselves, at the times they set
            "stdhub.development.deadline-cron=-",
            "stdhub.consulting.reminder-cron=-"
        })
public @interface IdentityTest {}
