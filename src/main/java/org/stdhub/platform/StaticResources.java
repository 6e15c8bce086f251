package org.stdhub.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Where static files are served: the webjars under {@code /webjars/**} (version-free paths, resolved by the webjars
 * locator, e.g. {@code /webjars/bootstrap/dist/css/bootstrap.min.css}), and StdHub's own files under {@code /css/**},
 * {@code /js/**} and {@code /img/**} — never a catch-all {@code /**}. Spring Boot's default maps {@code /**} to the
 * static folders, and with the resource chain on (the webjars locator switches it on) every link a page builds went
 * through the chain's resolvers: for each link that is not a file (every {@code /standards/…} of a result list), a
 * classpath lookup inside the jar that is never cached — 69 % of the CPU of the load test's page mix (JFR, embedded
 * default). Boot's own mappings are off ({@code spring.web.resources.add-mappings: false}).
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    /** StdHub's own static folders, each served under its own name. */
    static final String[] FOLDERS = {"css", "js", "img"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
    }
}
