package org.stdhub.identity.security;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.stdhub.identity.ApiTokenAuthentication;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.LoginThrottle;
import org.stdhub.identity.Principals;
import org.stdhub.platform.PublicPaths;
import org.stdhub.platform.UnreadableUpload;

/**
 * Who may see and do what over HTTP. Public without login: static assets, health probes, and what the modules
 * declare public ({@link PublicPaths} beans, each in the module that serves the addresses: the catalog, login and
 * registration, published records, public verifications). Everything else needs a signed-in person (form login, session). API tokens ({@code Authorization: Bearer})
 * are accepted on {@code /api/**} only, where their scope decides by HTTP method ({@link ApiAccess}); pages and
 * forms refuse them and always check CSRF. Each service method checks roles again ({@code @PreAuthorize}).
 * Sessions follow changes of their account ({@link SessionRevalidation}); the session cookie is {@code
 * SameSite=Lax}, {@code HttpOnly}, and {@code Secure} on HTTPS requests (see {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String[] ASSETS = {"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/actuator/health/**"
    };

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observations of the filter chain, authentications and authorizations: StdHub exports no traces or metrics
     * (only health and info), and wrapping each of the chain's filters in an observation cost ~10 % of an API
     * request's CPU (docs/benchmarks.md).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            List<PublicPaths> declarations,
            ApiTokens tokens,
            Principals principals,
            ProblemResponses problems,
            AddressThrottle addresses,
            LoginThrottle logins)
            throws Exception {
        PublicPaths open = PublicPaths.union(declarations);
        String[] readingPosts = open.readingPosts().toArray(String[]::new);
        AuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = (request, response, e) ->
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.error.unauthenticated");
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler apiDenied = (request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "auth.error.forbidden");

        http.authorizeHttpRequests(auth -> auth.requestMatchers(ASSETS)
                        .permitAll()
                        .requestMatchers(open.pages().toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/api/**")
                        .access(new ApiAccess(open.api().toArray(String[]::new), readingPosts))
                        .anyRequest()
                        .access(signedInPerson()))
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                // a token request to the API carries no cookie, so it cannot be forged cross-site: no CSRF token;
                // a reading POST (the validity check, called by anonymous machine clients without a session or
                // token) stores nothing, so a forged request can change nothing: no CSRF token either
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::isApiBearer)
                        .ignoringRequestMatchers(readingPosts)
                        // an upload refused while it was read: nothing in it is acted upon (see UnreadableUpload)
                        .ignoringRequestMatchers(UnreadableUpload::isMarked))
                .sessionManagement(session -> session.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(api, r -> isApi(r))
                        .defaultAuthenticationEntryPointFor(pages, r -> !isApi(r))
                        .defaultAccessDeniedHandlerFor(apiDenied, r -> isApi(r))
                        .defaultAccessDeniedHandlerFor(pageDenied, r -> !isApi(r)))
                .addFilterBefore(new LoginAddressGate(addresses, logins), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionRevalidation(principals), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(problems), SessionRevalidation.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Pages and forms: a person signed in with their password; never an API token (defence in depth). */
    private static AuthorizationManager<RequestAuthorizationContext> signedInPerson() {
        AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
        return (authentication, context) -> ApiTokenAuthentication.isToken(authentication.get())
                ? new AuthorizationDecision(false)
                : signedIn.authorize(authentication, context);
    }

    /** Says why a login failed: wrong password, locked account (too many failures), or account not active. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            String reason =
                    e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    /** Designations such as GB/T 19001 travel URL-encoded in paths ({@code GB%2FT%2019001}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        // Tomcat passes %2F through undecoded, so the decoded servlet path holds a literal "%2F"
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}
