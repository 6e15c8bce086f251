package org.stdhub.platform;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets URL-encoded slashes through to the application: designations such as {@code GB/T 19001-2016} are
 * path segments of {@code /standards/GB%2FT%2019001-2016}.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
