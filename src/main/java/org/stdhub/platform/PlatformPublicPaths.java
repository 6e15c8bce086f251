package org.stdhub.platform;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The error page, the OpenAPI document and its Swagger UI are public (springdoc serves the UI's own files below {@code
 * /api/v1/swagger-ui}, and redirects through {@code /swagger-ui} and {@code /v3/api-docs}).
 */
@Configuration(proxyBeanMethods = false)
class PlatformPublicPaths {

    @Bean
    PublicPaths publicPlatformPaths() {
        return PublicPaths.of(
                List.of("/error"),
                List.of(
                        "/api/v1/openapi.json",
                        "/api/v1/openapi.json/**",
                        "/api/v1/docs",
                        "/api/v1/docs/**",
                        "/api/v1/swagger-ui/**",
                        "/swagger-ui/**",
                        "/v3/api-docs/**"));
    }
}
