package org.stdhub.development.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/** Alliances, projects, ballots and public notices are read by anyone; every change is checked by its service. */
@Configuration(proxyBeanMethods = false)
class DevelopmentPublicPaths {

    @Bean
    PublicPaths publicDevelopmentPaths() {
        return PublicPaths.of(
                List.of("/alliances", "/alliances/**", "/projects/**", "/ballots/**", "/notices"),
                List.of(
                        "/api/v1/alliances",
                        "/api/v1/alliances/**",
                        "/api/v1/projects/**",
                        "/api/v1/ballots/**",
                        "/api/v1/notices"));
    }
}
