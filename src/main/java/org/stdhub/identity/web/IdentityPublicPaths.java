package org.stdhub.identity.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stdhub.platform.PublicPaths;

/** Signing in, registering and resetting a forgotten password need no sign-in. */
@Configuration(proxyBeanMethods = false)
class IdentityPublicPaths {

    @Bean
    PublicPaths publicIdentityPaths() {
        return PublicPaths.of(
                List.of("/login", "/register", "/register/**", "/password/forgot", "/password/reset"), List.of());
    }
}
