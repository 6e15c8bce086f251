package org.stdhub.verification.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/**
 * The lab directory, a standard's traceability (clause by clause: research result, patent, verification evidence;
 * under the catalog's addresses), a conformity test report's verification and PDF by its unguessable number, and
 * evaluations of standards (their service shows drafts to the base office only); changes are checked by the services.
 */
@Configuration(proxyBeanMethods = false)
class VerificationPublicPaths {

    @Bean
    PublicPaths publicVerificationPaths() {
        return PublicPaths.of(
                List.of(
                        "/labs",
                        "/standards/traceability",
                        "/labs/*",
                        "/test-reports/**",
                        "/evaluations",
                        "/evaluations/**"),
                List.of(
                        "/api/v1/labs",
                        "/api/v1/standards/*/traceability",
                        "/api/v1/labs/*",
                        "/api/v1/test-reports/*",
                        "/api/v1/evaluations",
                        "/api/v1/evaluations/**"));
    }
}
