package org.stdhub.research.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/**
 * The analytics (aggregates of public data), published research projects and reports, and the page about the base;
 * their services hide what is not published and refuse anonymous changes.
 */
@Configuration(proxyBeanMethods = false)
class ResearchPublicPaths {

    @Bean
    PublicPaths publicResearchPaths() {
        return PublicPaths.of(
                List.of(
                        "/analytics",
                        "/analytics/**",
                        "/research/projects",
                        "/research/projects/*",
                        "/research/reports/*",
                        "/about"),
                List.of(
                        "/api/v1/analytics/**",
                        "/api/v1/research-projects",
                        "/api/v1/research-projects/**",
                        "/api/v1/reports",
                        "/api/v1/reports/**"));
    }
}
