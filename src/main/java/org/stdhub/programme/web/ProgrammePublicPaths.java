package org.stdhub.programme.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/** The base office's published bulletins, their PDF and Atom feed (drafts stay the base office's). */
@Configuration(proxyBeanMethods = false)
class ProgrammePublicPaths {

    @Bean
    PublicPaths publicProgrammePaths() {
        return PublicPaths.of(
                List.of("/bulletins", "/bulletins/*", "/bulletins/*/pdf", "/feeds/bulletins"),
                List.of("/api/v1/bulletins/published"));
    }
}
