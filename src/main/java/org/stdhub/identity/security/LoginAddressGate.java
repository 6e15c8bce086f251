package org.stdhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses password logins from an address that failed too often, before the password is even checked. */
class LoginAddressGate extends OncePerRequestFilter {

    private final AddressThrottle throttle;

    LoginAddressGate(AddressThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.isLocked(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
