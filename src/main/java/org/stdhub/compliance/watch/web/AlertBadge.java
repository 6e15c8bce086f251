package org.stdhub.compliance.watch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.PageModel;

/** The unread-alerts count of the header's badge, for signed-in people only (one count query per page). */
@Component
class AlertBadge implements PageModel {

    private final Alerts alerts;

    AlertBadge(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Map<String, Object> attributes(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StdHubUser)) {
            return Map.of();
        }
        // feeds have no header to show it in
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/feeds/")) {
            return Map.of();
        }
        return Map.of("unreadAlerts", alerts.unreadCount());
    }
}
