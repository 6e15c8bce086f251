package org.stdhub.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see and do what over HTTP. Public without login: the catalog (search, details, classification,
 * its API and OpenAPI document), static assets, health probes, login and registration. Everything else
 * needs a signed-in person (form login, session) or an API token ({@code Authorization: Bearer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {
        "/", "/standards", "/standards/**", "/classifications/**", "/login", "/register/**", "/password/**", "/error"
    };
    static final String[] PUBLIC_API = {
        "/api/v1/standards/**", "/api/v1/designations/**", "/api/v1/openapi.json", "/api/v1/openapi.json/**",
        "/api/v1/docs", "/api/v1/docs/**", "/swagger-ui/**", "/v3/api-docs/**"
    };
    static final String[] ASSETS = {"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/actuator/health/**"};

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(ASSETS)
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers(PUBLIC_API)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Designations such as GB/T 19001 travel URL-encoded in paths ({@code GB%2FT%2019001}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(false);
        return firewall;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
