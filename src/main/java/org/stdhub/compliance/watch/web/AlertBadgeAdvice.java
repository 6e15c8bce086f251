package org.stdhub.compliance.watch.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.identity.StdHubUser;

/** The unread-alerts count of the header's badge, for signed-in people only (one count query). */
@ControllerAdvice(annotations = Controller.class)
class AlertBadgeAdvice {

    private final Alerts alerts;

    AlertBadgeAdvice(Alerts alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute("unreadAlerts")
    Long unreadAlerts(@AuthenticationPrincipal StdHubUser user, HttpServletRequest request) {
        // JSON answers and feeds have no header to show it in
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user == null || path.startsWith("/api/") || path.startsWith("/feeds/")) {
            return null;
        }
        return alerts.unreadCount();
    }
}
