package org.stdhub.identity.security;

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
import org.stdhub.platform.UnreadableUpload;

/**
 * Who may see and do what over HTTP. Public without login: the catalog (search, details, classification,
 * its API and OpenAPI document), static assets, health probes, login, registration and password reset.
 * Everything else needs a signed-in person (form login, session). API tokens ({@code Authorization: Bearer})
 * are accepted on {@code /api/**} only, where their scope decides by HTTP method ({@link ApiAccess}); pages and
 * forms refuse them and always check CSRF. Each service method checks roles again ({@code @PreAuthorize}).
 * Sessions follow changes of their account ({@link SessionRevalidation}); the session cookie is {@code
 * SameSite=Lax}, {@code HttpOnly}, and {@code Secure} on HTTPS requests (see {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {
        "/",
        "/standards",
        "/standards/**",
        "/classifications/**",
        "/login",
        "/register",
        "/register/**",
        "/password/forgot",
        "/password/reset",
        "/error",
        "/compliance",
        "/compliance/check",
        "/compliance/check/**",
        // adoption drift reads public catalog data; a watchlist's feed is guarded by the secret token in its address
        "/compliance/drift",
        "/compliance/drift/**",
        "/feeds/watchlists/**",
        // a draw's public verification (talent): published inputs, commitment, and the result once decided
        "/draws/*/verification",
        // a certificate's public verification by its (unguessable) number
        "/certificates/*",
        "/certificates/*/pdf",
        // the public course catalog, a course's page and the training calendar (enrolment needs a sign-in)
        "/courses",
        "/courses/*",
        // group standards development: alliances and projects are public; every change is checked by its service
        "/alliances",
        "/alliances/**",
        "/projects/**",
        "/ballots/**",
        "/notices",
        // the strategy research center's analytics: aggregates of public data
        "/analytics",
        "/analytics/**",
        // the verification center's lab directory is public; changes are checked by its service
        "/labs",
        "/labs/*",
        // verification: a conformity test report's public verification and PDF by its (unguessable) number;
        // evaluations of standards are read by anyone (their service shows drafts to the base office only)
        "/test-reports/**",
        "/evaluations",
        "/evaluations/**",
        // base management's published bulletins, their PDF and Atom feed (drafts stay the base office's)
        "/bulletins",
        "/bulletins/*",
        "/bulletins/*/pdf",
        "/feeds/bulletins",
        // consulting: the public listing of self-declarations, the front-runner comparison and the FAQ; declaring is
        // checked by its service (and its form asks to sign in)
        "/declarations",
        "/declarations/**",
        "/faq",
        "/faq/**",
        // research: published projects, reports and the page about the base; their services hide the unpublished
        "/research/projects",
        "/research/projects/*",
        "/about",
        // a published report's page (its service hides the unpublished; writing one needs a sign-in)
        "/research/reports/*"
    };
    static final String[] PUBLIC_API = {
        "/api/v1/standards/**",
        "/api/v1/designations/**",
        "/api/v1/openapi.json",
        "/api/v1/openapi.json/**",
        "/api/v1/docs",
        "/api/v1/docs/**",
        // Swagger UI's own files: with its path under /api/v1, springdoc serves them below /api/v1/swagger-ui
        "/api/v1/swagger-ui/**",
        "/swagger-ui/**",
        "/v3/api-docs/**",
        "/api/v1/compliance/check",
        "/api/v1/compliance/drift",
        "/api/v1/draws/*/verification",
        "/api/v1/certificates/*",
        // the course catalog and calendar; creating a course is refused by its service unless signed in as a trainer
        "/api/v1/courses",
        "/api/v1/courses/*",
        "/api/v1/courses/sessions/*",
        // alliances, projects and ballots are read by anyone; their services refuse anonymous changes
        "/api/v1/alliances",
        "/api/v1/alliances/**",
        "/api/v1/projects/**",
        "/api/v1/ballots/**",
        "/api/v1/notices",
        "/api/v1/analytics/**",
        "/api/v1/labs",
        "/api/v1/labs/*",
        // verification: public report verification; evaluations read by anyone, changed by the base office only
        "/api/v1/test-reports/*",
        "/api/v1/evaluations",
        "/api/v1/evaluations/**",
        "/api/v1/bulletins/published",
        // self-declarations and the FAQ are read by anyone; their services refuse anonymous changes
        "/api/v1/declarations",
        "/api/v1/declarations/**",
        "/api/v1/faq",
        "/api/v1/faq/**",
        // research projects and reports are read by anyone once published; their services refuse anonymous changes
        "/api/v1/research-projects",
        "/api/v1/research-projects/**",
        "/api/v1/reports",
        "/api/v1/reports/**"
    };
    /** API calls by POST that only read (a token with the {@code read} scope may make them). */
    static final String[] READING_POSTS = {"/api/v1/compliance/check"};

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
            ApiTokens tokens,
            Principals principals,
            ProblemResponses problems,
            AddressThrottle addresses,
            LoginThrottle logins)
            throws Exception {
        AuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = (request, response, e) ->
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.error.unauthenticated");
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler apiDenied = (request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "auth.error.forbidden");

        http.authorizeHttpRequests(auth -> auth.requestMatchers(ASSETS)
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/api/**")
                        .access(new ApiAccess(PUBLIC_API, READING_POSTS))
                        .anyRequest()
                        .access(signedInPerson()))
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                // the validity check API is called by anonymous machine clients without a session or token; it
                // reads the catalog and stores nothing, so a forged request can change nothing: no CSRF token
                // a token request to the API carries no cookie, so it cannot be forged cross-site: no CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::isApiBearer)
                        .ignoringRequestMatchers("/api/v1/compliance/check")
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
