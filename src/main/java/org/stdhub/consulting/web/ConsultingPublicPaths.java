package org.stdhub.consulting.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/**
 * The public listing of self-declarations, the front-runner comparison and the FAQ; declaring and asking are checked
 * by their services.
 */
@Configuration(proxyBeanMethods = false)
class ConsultingPublicPaths {

    @Bean
    PublicPaths publicConsultingPaths() {
        return PublicPaths.of(
                List.of("/declarations", "/declarations/**", "/faq", "/faq/**"),
                List.of("/api/v1/declarations", "/api/v1/declarations/**", "/api/v1/faq", "/api/v1/faq/**"));
    }
}
