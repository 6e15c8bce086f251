package org.stdhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdhub.identity.ApiTokenAuthentication;
import org.stdhub.identity.Principals;
import org.stdhub.identity.StdHubUser;

/**
 * Makes a session follow its account. On every request of a signed-in session (not for static assets) the
 * principal's security version is compared with the person's — one primary-key read of one column ({@link
 * Principals#securityVersion(long)}). When they differ the account changed since the principal was loaded:
 *
 * <ul>
 *   <li>suspended (or gone), or its password changed or reset elsewhere → the session is ended and the request
 *       goes on as anonymous (a page sends the person to the login, the API answers 401);
 *   <li>otherwise (a role granted or ended, a reactivation) → the principal is reloaded with today's roles and
 *       stored in the session.
 * </ul>
 *
 * The session that changes its own password stores a fresh principal itself and keeps working. API tokens load
 * their principal anew on every request and are not concerned.
 */
class SessionRevalidation extends OncePerRequestFilter {

    private final Principals principals;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRevalidation(Principals principals) {
        this.principals = principals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && !ApiTokenAuthentication.isToken(auth) && auth.getPrincipal() instanceof StdHubUser user) {
            var current = principals.securityVersion(user.personId());
            if (current.isEmpty() || current.getAsInt() != user.securityVersion()) {
                Optional<StdHubUser> fresh =
                        current.isEmpty() ? Optional.empty() : principals.principal(user.personId());
                if (fresh.isPresent()
                        && fresh.get().isEnabled()
                        && fresh.get().credentialStamp().equals(user.credentialStamp())) {
                    refresh(auth, fresh.get(), request, response);
                } else {
                    end(request);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void refresh(
            Authentication old, StdHubUser fresh, HttpServletRequest request, HttpServletResponse response) {
        var token = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        token.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private static void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
