package org.stdhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdhub.identity.StdHubUser;

/** A person signed in with a one-time password can do nothing but choose a new one (and sign out). */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/profile/password";

    private final ProblemResponses problems;

    PasswordChangeGate(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StdHubUser user && user.mustChangePassword()) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean allowed = path.equals(CHANGE_PAGE)
                    || path.equals("/logout")
                    || path.startsWith("/webjars/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")
                    || path.equals("/error");
            if (!allowed) {
                if (path.startsWith("/api/")) {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "auth.error.must-change-password");
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
