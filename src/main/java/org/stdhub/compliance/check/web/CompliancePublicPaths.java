package org.stdhub.compliance.check.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/**
 * The validity check and adoption drift read public catalog data (the check's API is a POST that stores nothing); a
 * watchlist's feed is guarded by the secret token in its address.
 */
@Configuration(proxyBeanMethods = false)
class CompliancePublicPaths {

    @Bean
    PublicPaths publicCompliancePaths() {
        return new PublicPaths(
                List.of(
                        "/compliance",
                        "/compliance/check",
                        "/compliance/check/**",
                        "/compliance/drift",
                        "/compliance/drift/**",
                        "/feeds/watchlists/**"),
                List.of("/api/v1/compliance/check", "/api/v1/compliance/drift"),
                List.of("/api/v1/compliance/check"));
    }
}
