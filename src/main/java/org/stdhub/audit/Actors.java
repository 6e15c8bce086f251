package org.stdhub.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.stdhub.platform.SystemActor;

/** Who made a change and from where, as far as the current thread knows. */
final class Actors {

    static final String SYSTEM = SystemActor.SYSTEM;
    static final String ANONYMOUS = "anonymous";

    private Actors() {}

    /** The system actor named by {@link SystemActor#run}, else the signed-in person, else "system". */
    static String current() {
        var system = SystemActor.current();
        if (system.isPresent()) {
            return system.get();
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
