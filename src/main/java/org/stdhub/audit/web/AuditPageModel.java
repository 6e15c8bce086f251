package org.stdhub.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.audit.AuditLinks;
import org.stdhub.platform.PageModel;

/**
 * Gives every page the link builder for history pages, so any module's object page can show a "History"
 * tab (templates may not call beans in URL attributes).
 */
@Component
class AuditPageModel implements PageModel {

    private final Map<String, Object> attributes;

    AuditPageModel(AuditLinks links) {
        this.attributes = Map.of("auditLinks", links);
    }

    @Override
    public Map<String, Object> attributes(HttpServletRequest request) {
        return attributes;
    }
}
