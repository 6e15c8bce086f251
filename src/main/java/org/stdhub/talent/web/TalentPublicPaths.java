package org.stdhub.talent.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/**
 * A draw's public verification (published inputs, commitment, and the result once decided), a certificate's
 * verification by its unguessable number, and the course catalog and calendar (enrolment and creating a course need a
 * sign-in, checked by their services).
 */
@Configuration(proxyBeanMethods = false)
class TalentPublicPaths {

    @Bean
    PublicPaths publicTalentPaths() {
        return PublicPaths.of(
                List.of("/draws/*/verification", "/certificates/*", "/certificates/*/pdf", "/courses", "/courses/*"),
                List.of(
                        "/api/v1/draws/*/verification",
                        "/api/v1/certificates/*",
                        "/api/v1/courses",
                        "/api/v1/courses/*",
                        "/api/v1/courses/sessions/*"));
    }
}
