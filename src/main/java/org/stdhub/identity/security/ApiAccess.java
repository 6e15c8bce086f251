package org.stdhub.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.stdhub.identity.ApiTokenAuthentication;

/**
 * Who may call the API ({@code /api/**}):
 *
 * <ul>
 *   <li>an API token by its scope: reading (GET, HEAD, OPTIONS, and the POSTs that only read, such as the
 *       validity check) needs {@code read} or {@code write}; anything else (POST, PUT, PATCH, DELETE) needs {@code
 *       write} — a {@code read} token changes nothing, whatever its owner's roles;
 *   <li>anyone on the public part (catalog, OpenAPI document, validity check, drift);
 *   <li>a signed-in person (session, with CSRF protection for writes) on the rest.
 * </ul>
 *
 * The services check roles again ({@code @PreAuthorize}).
 */
final class ApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final RequestMatcher publicApi;
    private final RequestMatcher readingPosts;
    private final AuthorizationManager<RequestAuthorizationContext> signedIn =
            AuthenticatedAuthorizationManager.authenticated();

    ApiAccess(String[] publicApi, String[] readingPosts) {
        this.publicApi = anyOf(publicApi);
        this.readingPosts = anyOf(readingPosts);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        if (authentication.get() instanceof ApiTokenAuthentication token) {
            return new AuthorizationDecision(reads(request) ? token.mayRead() : token.mayWrite());
        }
        if (publicApi.matches(request)) {
            return new AuthorizationDecision(true);
        }
        return signedIn.authorize(authentication, context);
    }

    private boolean reads(HttpServletRequest request) {
        return READING_METHODS.contains(request.getMethod())
                || ("POST".equals(request.getMethod()) && readingPosts.matches(request));
    }

    private static RequestMatcher anyOf(String[] patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(p -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(p))
                .toList());
    }
}
