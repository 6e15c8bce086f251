package org.stdhub.catalog.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/** The catalog is public: the home page, search, details, classifications and their API, the designation parser. */
@Configuration(proxyBeanMethods = false)
class CatalogPublicPaths {

    @Bean
    PublicPaths publicCatalogPaths() {
        return PublicPaths.of(
                List.of("/", "/standards", "/standards/**", "/classifications/**"),
                List.of("/api/v1/standards/**", "/api/v1/designations/**"));
    }
}
