package org.stdhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdhub.identity.LoginThrottle;

/**
 * Refuses password logins before the password is even checked: from an address that failed too often (any
 * account), and to an account that failed too often from this address or from everywhere ({@link LoginThrottle}).
 */
class LoginAddressGate extends OncePerRequestFilter {

    private final AddressThrottle addresses;
    private final LoginThrottle accounts;

    LoginAddressGate(AddressThrottle addresses, LoginThrottle accounts) {
        this.addresses = addresses;
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (addresses.isLocked(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        if (accounts.isLocked(request.getParameter("username"), request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/login?error=locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
