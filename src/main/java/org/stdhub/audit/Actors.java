package org.stdhub.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who made a change and from where, as far as the current thread knows. */
final class Actors {

    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";

    /** An actor named explicitly by {@link AuditLog#runAs}; wins over the security context. */
    static final ScopedValue<String> RUN_AS = ScopedValue.newInstance();

    private Actors() {}

    static String current() {
        if (RUN_AS.isBound()) {
            return RUN_AS.get();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }

    /** The client's address when the change happens while serving an HTTP request, else null. */
    static String address() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
