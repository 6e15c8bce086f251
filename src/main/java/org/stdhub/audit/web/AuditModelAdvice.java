package org.stdhub.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.stdhub.audit.AuditLinks;

/**
 * Gives every page the link builder for history pages, so any module's object page can show a "History"
 * tab (templates may not call beans in URL attributes).
 */
@ControllerAdvice(annotations = Controller.class)
class AuditModelAdvice {

    private final AuditLinks links;

    AuditModelAdvice(AuditLinks links) {
        this.links = links;
    }

    @ModelAttribute("auditLinks")
    AuditLinks auditLinks() {
        return links;
    }
}
