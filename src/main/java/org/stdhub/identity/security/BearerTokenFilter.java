package org.stdhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdhub.identity.ApiTokenAuthentication;
import org.stdhub.identity.ApiTokens;

/**
 * Authenticates {@code Authorization: Bearer sth_…} requests to the API ({@code /api/**}) with an API token, as an
 * {@link ApiTokenAuthentication} whose scopes the authorization rules check. A bad token is a 401 at once; so is a
 * token sent to anything but the API (pages, forms, logout): tokens are for machine clients of the API only, and
 * pages keep their CSRF protection.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!SecurityConfiguration.isApi(request)) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.error.token-api-only");
            return;
        }
        String header = request.getHeader("Authorization");
        var user = tokens.authenticate(header.substring(7).strip());
        if (user.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.error.token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static boolean isBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A token request to the API: it carries no cookie-borne credentials, so it needs no CSRF token. */
    static boolean isApiBearer(HttpServletRequest request) {
        return isBearer(request) && SecurityConfiguration.isApi(request);
    }
}
